-- The Idempotency-Key of each registration through the API, per agency: the primary key is the
-- unique index that makes a retried request find the case of the first instead of making a
-- second (a concurrent retry waits on the first's row until it commits or rolls back).
create table api_idempotency_key (
    organization_id bigint       not null references organization (id),
    idempotency_key varchar(200) not null,
    request_hash    char(64)     not null,
    case_id         bigint       references support_case (id),
    created_at      timestamptz  not null default now(),
    primary key (organization_id, idempotency_key)
);
