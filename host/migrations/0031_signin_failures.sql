-- Console sign-in failures shared by every host of a deployment on
-- PostgreSQL (the in-memory limiter's counters): per client address
-- (`a:<address>`) and per account and address (`p:<account>|<address>`),
-- with the window's first and the last failure in milliseconds of the
-- database's clock. Rows whose window is over are deleted. Portable SQL
-- (the table exists on SQLite too, unused there).
CREATE TABLE signin_failures (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    first_ms BIGINT NOT NULL,
    last_ms BIGINT NOT NULL
);
CREATE INDEX signin_failures_first ON signin_failures (first_ms);
