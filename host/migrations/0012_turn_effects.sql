-- Effects of a customer turn that other consumers carry out (order requests,
-- escalations), written in the transaction that queues the turn's replies
-- and marks the inbound message handled: a crash before they are published
-- cannot lose them. The consumer that carries one out deletes its row;
-- start-up recovery re-publishes the rows left (consumers are idempotent by
-- event id). Portable SQL (SQLite and PostgreSQL).
CREATE TABLE turn_effects (
    event_id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    -- The CloudEvent, structured-mode JSON.
    event TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
