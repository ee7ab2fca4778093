-- Cases (saker), their conversation and their status history.

-- Case ids are the numbers people quote on the phone: six digits from the start.
create sequence case_id_seq start with 100000;

create table support_case (
    id                      bigint       primary key default nextval('case_id_seq'),
    category                varchar(20)  not null check (category in ('PAYROLL', 'ACCOUNTING')),
    channel                 varchar(20)  not null check (channel in ('WEB', 'EMAIL', 'PHONE')),
    status                  varchar(30)  not null check (status in ('ACTIVE', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER',
                                                                    'CLOSED', 'POSTPONED')),
    subject                 varchar(200) not null check (length(trim(subject)) > 0),
    organization_id         bigint       not null references organization (id),
    reporter_id             bigint       not null references app_user (id),
    assignee_id             bigint       references app_user (id),
    voucher_employee_number varchar(20),
    voucher_employee_name   varchar(200),
    voucher_pay_period      varchar(7)   check (voucher_pay_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    voucher_amount          numeric(12, 2) check (voucher_amount > 0),
    voucher_note            varchar(2000),
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null default 0,
    -- A voucher is all or nothing, and only on payroll cases.
    constraint support_case_voucher_complete check (
        (voucher_employee_number is null and voucher_employee_name is null and voucher_pay_period is null
            and voucher_amount is null and voucher_note is null)
        or (category = 'PAYROLL' and voucher_employee_number is not null and voucher_employee_name is not null
            and voucher_pay_period is not null and voucher_amount is not null))
);
alter sequence case_id_seq owned by support_case.id;

-- The list query: a person's own cases, most recently updated first.
create index support_case_reporter_updated_idx on support_case (reporter_id, updated_at desc, id desc);
-- An agency's cases in one category (fagbrukere), and a category across agencies (caseworkers).
create index support_case_org_category_updated_idx on support_case (organization_id, category, updated_at desc, id desc);
create index support_case_category_status_idx on support_case (category, status, updated_at desc);

create table message (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references support_case (id) on delete cascade,
    author_id   bigint      not null references app_user (id),
    author_side varchar(10) not null check (author_side in ('CUSTOMER', 'CENTRE')),
    body        text        not null check (length(body) between 1 and 20000),
    internal    boolean     not null default false,
    created_at  timestamptz not null,
    -- Only the centre writes internal notes.
    constraint message_internal_by_centre check (not internal or author_side = 'CENTRE')
);

create index message_case_idx on message (case_id, created_at, id);

create table status_change (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references support_case (id) on delete cascade,
    from_status varchar(30) check (from_status in ('ACTIVE', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'CLOSED', 'POSTPONED')),
    to_status   varchar(30) not null check (to_status in ('ACTIVE', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'CLOSED', 'POSTPONED')),
    changed_by  bigint      not null references app_user (id),
    changed_at  timestamptz not null
);

create index status_change_case_idx on status_change (case_id, changed_at, id);
