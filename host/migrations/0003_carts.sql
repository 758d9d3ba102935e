-- One cart per conversation; prices are read from the catalog, never stored.
CREATE TABLE cart_lines (
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    product_id TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, product_id)
);
