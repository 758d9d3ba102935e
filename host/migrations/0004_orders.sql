-- Orders, their lines and history, stock levels with reservations, and
-- processed payment-provider events.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.
CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    -- The originating message/event: the idempotency key of creation.
    source_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    phone_number_id TEXT NOT NULL,
    customer_wa_id TEXT NOT NULL,
    customer_name TEXT,
    brand TEXT NOT NULL,
    language TEXT NOT NULL,
    -- pending | confirmed | processing | shipped | delivered | cancelled | refunded
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    subtotal_minor BIGINT NOT NULL,
    shipping_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    note TEXT,
    payment_provider TEXT NOT NULL,
    payment_reference TEXT,
    payment_url TEXT,
    tracking_number TEXT,
    carrier TEXT,
    cancel_reason TEXT,
    -- held | committed | released: what the order's stock reservation is.
    reservation TEXT NOT NULL,
    -- When a held reservation lapses (ms since the epoch).
    reserved_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX orders_source ON orders (source_id);
CREATE INDEX orders_conversation ON orders (conversation_id, created_at);
CREATE INDEX orders_customer ON orders (customer_wa_id, created_at);
CREATE INDEX orders_status ON orders (status, reserved_until);
CREATE INDEX orders_payment_reference ON orders (payment_reference);

CREATE TABLE order_lines (
    order_id TEXT NOT NULL REFERENCES orders (id),
    line_no BIGINT NOT NULL,
    product_id TEXT NOT NULL,
    title TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    unit_price_minor BIGINT NOT NULL,
    -- Units taken from tracked stock (0 when the product's stock is untracked).
    reserved BIGINT NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_events (
    order_id TEXT NOT NULL REFERENCES orders (id),
    seq BIGINT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (order_id, seq)
);

-- Tracked stock per product: `available` can still be reserved, `reserved`
-- is held by pending orders. A product without a row is untracked until it
-- is first ordered (then seeded from the catalog's quantity) or set by an
-- operator.
CREATE TABLE inventory (
    product_id TEXT PRIMARY KEY,
    available BIGINT NOT NULL,
    reserved BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Payment webhook events already applied (replays are ignored).
CREATE TABLE payment_events (
    id TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    order_id TEXT,
    received_at BIGINT NOT NULL
);
