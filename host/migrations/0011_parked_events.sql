-- The bus's dead letters: events a consumer group gave up on, at once (a
-- permanent failure: malformed, unknown conversation, a broken rule) or
-- after its retries. Listed at GET /admin/events/parked. Portable SQL
-- (SQLite and PostgreSQL).
CREATE TABLE parked_events (
    id TEXT PRIMARY KEY,
    consumer_group TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    source TEXT NOT NULL,
    -- The conversation, when the event has one.
    subject TEXT,
    -- 1: parked at once (retrying could not help); 0: retries exhausted.
    permanent BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    error TEXT NOT NULL,
    -- The whole CloudEvent, structured JSON: enough to inspect or replay it.
    event TEXT NOT NULL,
    parked_at BIGINT NOT NULL,
    -- A redelivered event (at least once) is parked once per group.
    UNIQUE (consumer_group, event_id)
);
CREATE INDEX parked_events_parked_at ON parked_events (parked_at);
