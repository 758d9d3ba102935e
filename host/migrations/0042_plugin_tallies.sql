-- Multi-host: plugin turn counts shared by every host of a deployment, so
-- a canary and the quarantine are judged on the turns of all hosts, not of
-- the one that happens to count past a threshold. Each host keeps one row
-- per (plugin, version, kind) with its own running totals, overwritten
-- (an upsert, never an increment: a retried write counts nothing twice);
-- the judgement sums the rows. Kinds:
--   `canary`: the canary version's turns and failures since it started on
--             that host;
--   `base`:   the active version's while that canary ran (`version_id` is
--             the canary's);
--   `window`: the active version's latest quarantine-window turns there.
-- `updated_at` is the database's clock (ms): windows of hosts not heard
-- from lately are left out. Portable SQL (the table exists on SQLite too,
-- unused there: one host judges alone).
CREATE TABLE plugin_tallies (
    plugin TEXT NOT NULL,
    version_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    host TEXT NOT NULL,
    turns BIGINT NOT NULL,
    errors BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (plugin, version_id, kind, host)
);

-- What each host adds to its heartbeat: how far the database's clock is
-- ahead of its own (ms; times are stored in the database's clock), and
-- what it cannot run like the rest of the deployment (JSON list).
ALTER TABLE hosts ADD COLUMN clock_offset_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE hosts ADD COLUMN differs TEXT NOT NULL DEFAULT '[]';
