-- The product catalog, imported from Meta catalog feeds (upsert by id).
-- Prices are integer minor units; the sale price shares the price currency.
-- `attributes` is a JSON array of [name, value] pairs (other feed columns).
CREATE TABLE catalog_products (
    id TEXT PRIMARY KEY,
    brand TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    price_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    sale_price_minor BIGINT,
    availability TEXT NOT NULL,
    quantity BIGINT,
    image_url TEXT,
    link TEXT,
    color TEXT,
    size TEXT,
    gender TEXT,
    attributes TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX catalog_products_brand ON catalog_products (brand);

-- One row per feed import, with its report (JSON) for the sales console.
CREATE TABLE catalog_imports (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    imported BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    report TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX catalog_imports_created ON catalog_imports (created_at);
