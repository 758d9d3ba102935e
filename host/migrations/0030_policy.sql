-- Business budgets per brand and the audit of every plugin intent (issue
-- 19), shared by every host of one database. Portable SQL (SQLite and
-- PostgreSQL).
--
-- brand_budgets: one row per brand; NULL = no limit. Amounts in minor units
-- of the catalog's currency.
CREATE TABLE brand_budgets (
    brand TEXT PRIMARY KEY,
    llm_tokens_per_day BIGINT,
    max_discount_percent BIGINT,
    messages_per_customer_per_day BIGINT,
    order_value_needs_human_minor BIGINT,
    updated_at BIGINT NOT NULL
);
-- What each brand used per UTC day: meter `llm_tokens` (subject ''), meter
-- `messages` (subject: the conversation id, never a phone number). One
-- upsert adds and returns the new total, so hosts count together.
CREATE TABLE budget_usage (
    brand TEXT NOT NULL,
    day TEXT NOT NULL,
    meter TEXT NOT NULL,
    subject TEXT NOT NULL,
    used BIGINT NOT NULL,
    PRIMARY KEY (brand, day, meter, subject)
);
-- Every decision on an effect a seller asked for (cart, discount, order,
-- escalation, hand-off, outbound message); id = the CloudEvent's id
-- (derived from the inbound wamid: a replayed turn stores nothing twice).
CREATE TABLE plugin_intents (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    plugin TEXT NOT NULL,
    version TEXT NOT NULL,
    digest TEXT NOT NULL,
    brand TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    intent TEXT NOT NULL,
    detail TEXT NOT NULL,
    approved BIGINT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX plugin_intents_by_plugin ON plugin_intents (plugin, at);
