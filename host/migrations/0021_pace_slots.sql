-- Shared WhatsApp pacing (multi-host deployments on PostgreSQL): the next
-- free slot, in microseconds of the database's clock, per business number
-- (`n:<phone number id>`, a GCRA token bucket) and per customer of a number
-- (`r:<phone number id>:<recipient>`, the minimum gap). One upsert per
-- limit reserves a slot, so hosts together keep the configured pace.
-- Portable SQL (the table exists on SQLite too, unused there).
CREATE TABLE pace_slots (
    key TEXT PRIMARY KEY,
    next_us BIGINT NOT NULL
);
