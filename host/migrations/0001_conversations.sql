-- Conversations, their messages and per-conversation plugin state.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    phone_number_id TEXT NOT NULL,
    customer_wa_id TEXT NOT NULL,
    customer_name TEXT,
    -- The brand the conversation is routed to (NULL until routed).
    brand TEXT,
    -- open | escalated | closed
    status TEXT NOT NULL DEFAULT 'open',
    language TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Start of WhatsApp's 24-hour customer-service window.
    last_customer_message_at BIGINT
);
CREATE UNIQUE INDEX conversations_customer ON conversations (phone_number_id, customer_wa_id);

-- Inbound messages are keyed by their wamid (deduplicates Meta's retries);
-- outbound ones by an id derived from what they answer (idempotent sends).
CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    -- in | out
    direction TEXT NOT NULL,
    speaker TEXT NOT NULL,
    brand TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    -- inbound: the parsed message (JSON); outbound: the Graph API body.
    payload TEXT NOT NULL,
    -- inbound: received | handled; outbound: pending | sent | delivered | read | failed
    state TEXT NOT NULL,
    -- outbound: the wamid Meta assigned.
    wamid TEXT,
    error TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at);
CREATE INDEX messages_state ON messages (direction, state);
CREATE INDEX messages_wamid ON messages (wamid);

CREATE TABLE conversation_state (
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (conversation_id, key)
);
