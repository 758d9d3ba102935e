-- Shadow versions (issue 19): a plugin's release names the version that
-- gets a copy of the active version's live turns (every host runs it), and
-- each compared turn is kept, with the turns each host had to drop.
-- Portable SQL (SQLite and PostgreSQL).
ALTER TABLE plugin_releases ADD COLUMN shadow_id TEXT;

-- One live turn replayed on a shadow version: `same` (its actions agree
-- with the active version's), `differs` (the differences, JSON) or
-- `failed` (it trapped, looped, flooded or returned an error: why).
CREATE TABLE shadow_turns (
    id TEXT PRIMARY KEY,
    plugin TEXT NOT NULL,
    brand TEXT,
    shadow_id TEXT NOT NULL,
    active_id TEXT NOT NULL,
    turn_key TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    -- unix microseconds
    at BIGINT NOT NULL,
    said TEXT NOT NULL,
    status TEXT NOT NULL,
    differences TEXT NOT NULL,
    error TEXT
);
CREATE INDEX shadow_turns_version ON shadow_turns (plugin, shadow_id, at);

-- Live turns a host's shadow queue was too full to take, per version.
CREATE TABLE shadow_dropped (
    plugin TEXT NOT NULL,
    shadow_id TEXT NOT NULL,
    host TEXT NOT NULL,
    dropped BIGINT NOT NULL,
    PRIMARY KEY (plugin, shadow_id, host)
);
