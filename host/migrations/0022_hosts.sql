-- The hosts of a deployment sharing this database (multi-host: the AMQP
-- bus): each writes a heartbeat with the plugin versions it runs every few
-- seconds; `GET /admin/hosts` lists those heard from recently. Times are
-- the database's clock (ms since the epoch), so skewed host clocks do not
-- matter. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE hosts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL,
    -- JSON: [{"name", "version", "version_id", "digest", "state"}]
    plugins TEXT NOT NULL
);
CREATE INDEX hosts_heartbeat ON hosts (heartbeat_at);
