-- Rate limits (access module): one Bucket4j token bucket per key, such as the failed sign-ins
-- of one user name or the uploads of one person. Keys that would name a person or an address
-- are SHA-256 hashes. Bucket4j writes state and expires_at (epoch milliseconds: when the
-- bucket has been full for a while); RateLimitCleanup deletes rows past it. The table holds
-- only the last hour's keys, so the cleanup's scan is small and needs no index, and an
-- update touches no index and can stay on its page.

create table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
