-- Cart additions already applied, by the turn action that asked for them
-- (`<inbound wamid>/<brand>/cart/<product id>#<n>`): written in the
-- transaction that adds to the cart, so a redelivered or retried seller turn
-- never adds the same item twice. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE cart_adds (
    source_id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
