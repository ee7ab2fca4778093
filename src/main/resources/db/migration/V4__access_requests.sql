-- Ordering access (Bestille tilgang): what a person asked for, and every grant and revocation of a role.

create table access_request (
    id               bigint generated always as identity primary key,
    user_id          bigint        not null references app_user (id),
    organization_id  bigint        not null references organization (id),
    role             varchar(40)   not null check (role in ('REPORTER', 'PAYROLL_SPECIALIST', 'ACCOUNTING_SPECIALIST',
                                                            'PAYROLL_CASEWORKER', 'ACCOUNTING_CASEWORKER', 'ADMINISTRATOR')),
    reason           varchar(1000) not null check (length(trim(reason)) > 0),
    status           varchar(20)   not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    created_at       timestamptz   not null default now(),
    decided_by       bigint        references app_user (id),
    decided_at       timestamptz,
    decision_comment varchar(1000),
    constraint access_request_decided check ((status = 'PENDING') = (decided_by is null and decided_at is null))
);

create index access_request_pending_idx on access_request (created_at) where status = 'PENDING';
create index access_request_user_idx on access_request (user_id, created_at desc);

-- Who got or lost which role, when, from whom and why. Never changed afterwards.
create table role_change (
    id              bigint generated always as identity primary key,
    user_id         bigint        not null references app_user (id),
    organization_id bigint        not null references organization (id),
    role            varchar(40)   not null,
    change          varchar(10)   not null check (change in ('GRANTED', 'REVOKED')),
    changed_by      bigint        not null references app_user (id),
    changed_at      timestamptz   not null default now(),
    reason          varchar(1000) not null,
    request_id      bigint        references access_request (id)
);

create index role_change_user_idx on role_change (user_id, changed_at desc);
