-- Customer satisfaction: one question per resolved escalation or delivered
-- order (at most one per conversation a day), and its 1-5 answer. The id
-- is the cause's (`esc-<escalation id>`, `ord-<order id>`), so a
-- redelivered event asks once. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE satisfaction_surveys (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    brand TEXT NOT NULL,
    -- escalation_resolved | order_delivered
    cause TEXT NOT NULL,
    -- The language the question was asked in (en, pt, es).
    language TEXT NOT NULL,
    asked_at BIGINT NOT NULL,
    -- 1..5, NULL until answered; the first answer counts.
    score BIGINT,
    answered_at BIGINT
);
CREATE INDEX satisfaction_surveys_conversation ON satisfaction_surveys (conversation_id, asked_at);
CREATE INDEX satisfaction_surveys_brand ON satisfaction_surveys (brand, asked_at);
