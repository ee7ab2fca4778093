-- E-mail notices. Events published by the cases module are recorded in event_publication
-- (Spring Modulith's event publication registry, the transactional outbox) in the same
-- transaction as the change; the notifications listener turns them into notices, which a
-- job sends when they are due.

-- DDL of spring-modulith-events-jdbc 2.0.3, schemas/v2/schema-postgresql.sql
create table if not exists event_publication
(
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

-- One notice is one mail to the reporter of a case. Events for a case arriving while its
-- notice is still PENDING add their kinds to it, so they go out as one mail.
create table notice (
    id              bigint generated always as identity primary key,
    case_id         bigint      not null references support_case (id) on delete cascade,
    recipient_id    bigint      not null references app_user (id) on delete cascade,
    kinds           text[]      not null check (cardinality(kinds) > 0 and kinds <@ array ['ANSWERED',
        'WAITING_FOR_CUSTOMER', 'CLOSED', 'POSTPONED']::text[]),
    -- PENDING: waits for its due time; SENDING: claimed by a node until next_attempt_at
    -- (then claimable again); SENT and FAILED are final.
    status          varchar(10) not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        int         not null default 0,
    sent_at         timestamptz,
    failed_at       timestamptz,
    failure         varchar(20) check (failure in ('INVALID_ADDRESS', 'REJECTED', 'NO_ADDRESS', 'GAVE_UP'))
);

create unique index notice_one_pending_per_case on notice (case_id) where status = 'PENDING';
create index notice_due_idx on notice (next_attempt_at) where status in ('PENDING', 'SENDING');
create index notice_failed_idx on notice (case_id) where status = 'FAILED';
