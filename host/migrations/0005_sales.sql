-- The sales console: reps' accounts and sessions, and the escalation queue.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.
CREATE TABLE sales_users (
    name TEXT PRIMARY KEY,
    -- argon2id PHC string
    password_hash TEXT NOT NULL,
    -- admin | rep
    role TEXT NOT NULL,
    -- comma-separated brand scope; '*' = every brand
    brands TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE sales_sessions (
    -- sha256 (hex) of the cookie's token: a leaked table opens no session
    token_hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES sales_users (name),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sales_sessions_user ON sales_sessions (user_name);

CREATE TABLE sales_escalations (
    -- derived from the id of the store.sales.escalate event that opened it
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    brand TEXT,
    customer_wa_id TEXT NOT NULL,
    customer_name TEXT,
    reason TEXT NOT NULL,
    -- low | medium | high | urgent, and its rank 0-3 for sorting
    priority TEXT NOT NULL,
    priority_rank BIGINT NOT NULL,
    -- the seller's own note, and the host's summary of the conversation
    note TEXT NOT NULL,
    summary TEXT NOT NULL,
    cart_value_minor BIGINT NOT NULL,
    cart_currency TEXT NOT NULL,
    -- pending | accepted | resolved | handed_back
    status TEXT NOT NULL,
    agent TEXT,
    created_at BIGINT NOT NULL,
    accepted_at BIGINT,
    first_response_at BIGINT,
    closed_at BIGINT,
    notified_at BIGINT NOT NULL,
    notifications BIGINT NOT NULL
);
CREATE INDEX sales_escalations_status ON sales_escalations (status, created_at);
CREATE INDEX sales_escalations_conversation ON sales_escalations (conversation_id);
CREATE INDEX sales_escalations_created ON sales_escalations (created_at);

-- Messages a rep wrote (the send stage records every outbound message as
-- the AI's; this says which were a person's, and who).
CREATE TABLE sales_messages (
    message_id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    escalation_id TEXT NOT NULL,
    agent TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX sales_messages_conversation ON sales_messages (conversation_id, created_at);
