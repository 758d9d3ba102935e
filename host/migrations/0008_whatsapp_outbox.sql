-- WhatsApp gateway: the persistent outbox of outbound messages and the
-- deduplication of delivery statuses. Portable SQL (SQLite and PostgreSQL).

-- One row per outbound message (messages.id) not yet accepted by the Graph
-- API. A sender claims a row by moving lease_until forward (compare-and-set),
-- so concurrent senders and hosts never send it twice; the row is deleted in
-- the transaction that records the outcome (sent, failed, held).
CREATE TABLE whatsapp_outbox (
    message_id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    -- The business number to send from and the customer's wa_id.
    phone_number_id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    -- Send order: strictly increasing per host, time-based across hosts.
    seq BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX whatsapp_outbox_order ON whatsapp_outbox (seq);
CREATE INDEX whatsapp_outbox_conversation ON whatsapp_outbox (conversation_id, seq);

-- Every (wamid, status) applied once: Meta re-sends status webhooks.
CREATE TABLE whatsapp_statuses (
    wamid TEXT NOT NULL,
    status TEXT NOT NULL,
    recipient_id TEXT NOT NULL,
    timestamp BIGINT NOT NULL,
    -- JSON array of Meta's error objects (failed statuses).
    errors TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (wamid, status)
);
