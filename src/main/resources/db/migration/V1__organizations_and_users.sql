-- Agencies (virksomheter) and the centre itself, the people who may sign in, and their roles.

create table organization (
    id          bigint generated always as identity primary key,
    org_number  varchar(9)   not null unique check (org_number ~ '^[0-9]{9}$'),
    name        varchar(200) not null check (length(trim(name)) > 0),
    created_at  timestamptz  not null default now()
);

create table app_user (
    id              bigint generated always as identity primary key,
    username        varchar(100) not null unique,
    full_name       varchar(200) not null check (length(trim(full_name)) > 0),
    email           varchar(254) not null,
    organization_id bigint       not null references organization (id),
    -- Only demo users have a password; everyone else signs in through single sign-on.
    password_hash   varchar(100),
    enabled         boolean      not null default true,
    created_at      timestamptz  not null default now()
);

create index app_user_organization_idx on app_user (organization_id);

create table user_role (
    user_id    bigint      not null references app_user (id) on delete cascade,
    role       varchar(40) not null check (role in ('REPORTER', 'PAYROLL_SPECIALIST', 'ACCOUNTING_SPECIALIST',
                                                    'PAYROLL_CASEWORKER', 'ACCOUNTING_CASEWORKER', 'ADMINISTRATOR')),
    granted_at timestamptz not null default now(),
    primary key (user_id, role)
);
