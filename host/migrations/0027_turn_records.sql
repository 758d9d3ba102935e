-- Recorded plugin turns (`host/src/replay/`): what a seller or router was
-- asked, every import's answer and its actions, as masked JSON, keyed by the
-- inbound message so a retried turn replaces its record. Portable SQL
-- (SQLite and PostgreSQL).
CREATE TABLE turn_records (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    -- unix microseconds
    recorded_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    plugin TEXT NOT NULL,
    version TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX turn_records_conversation ON turn_records (conversation_id, recorded_at);
CREATE INDEX turn_records_recorded_at ON turn_records (recorded_at);

-- Conversations kept as regression cases (marked in the sales console):
-- exempt from the recording's retention.
CREATE TABLE regression_cases (
    conversation_id TEXT PRIMARY KEY,
    marked_by TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
