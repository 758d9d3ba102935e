-- Plugin distribution across hosts (multi-host: the AMQP bus). Every
-- version an operator pushes is kept here, content-addressed by its version
-- id (`<version>-<sha256 prefix>`), with its manifest and component
-- (base64); `plugin_releases` says which version serves each plugin (and
-- its canary). Hosts converge on it when told (`store.plugin.released`), at
-- start and every 30 s. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE plugin_artifacts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    digest TEXT NOT NULL,
    manifest TEXT NOT NULL,
    component TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE plugin_releases (
    name TEXT PRIMARY KEY,
    active_id TEXT NOT NULL,
    canary_id TEXT,
    canary_percent BIGINT,
    updated_at BIGINT NOT NULL
);
