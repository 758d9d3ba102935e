-- Conversations, their messages and per-conversation plugin state.
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    customer_wa_id TEXT NOT NULL,
    phone_number_id TEXT NOT NULL,
    customer_name TEXT,
    brand TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    language TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_customer_message_at BIGINT
);
CREATE UNIQUE INDEX conversations_customer ON conversations (phone_number_id, customer_wa_id);

CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    direction TEXT NOT NULL,
    speaker TEXT NOT NULL,
    brand TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at);

CREATE TABLE conversation_state (
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (conversation_id, key)
);
