-- The conversation and the caseworker's workspace: how long a case has waited, why a status
-- changed, who was responsible when, and the caseworkers' canned replies (ferdigtekster).

-- When the customer last wrote (or the case opened): the queue shows the oldest waiting first.
alter table support_case add column last_customer_message_at timestamptz;
update support_case c
set last_customer_message_at = coalesce(
        (select max(m.created_at) from message m where m.case_id = c.id and m.author_side = 'CUSTOMER'),
        c.created_at);
-- The queue's views: open cases of a category (Ufordelt, Alle åpne) and of a caseworker (Mine) in
-- waiting order straight from a small partial index; Venter på kunde and Utsatt by status.
create index support_case_open_queue_idx on support_case (category, last_customer_message_at, id)
    where status <> 'CLOSED';
create index support_case_open_assignee_idx on support_case (assignee_id, last_customer_message_at, id)
    where status <> 'CLOSED' and assignee_id is not null;
create index support_case_queue_idx on support_case (category, status, last_customer_message_at, id);

-- A customer message on a closed or waiting case reopens it; the history says so.
alter table status_change add column caused_by_customer_message boolean not null default false;

create table case_assignment (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references support_case (id) on delete cascade,
    -- null: the case was unassigned
    assignee_id bigint      references app_user (id),
    assigned_by bigint      not null references app_user (id),
    assigned_at timestamptz not null
);

create index case_assignment_case_idx on case_assignment (case_id, assigned_at, id);

create table canned_reply (
    id         bigint generated always as identity primary key,
    category   varchar(20)  not null check (category in ('PAYROLL', 'ACCOUNTING')),
    title      varchar(100) not null check (length(trim(title)) > 0),
    body       text         not null check (length(body) between 1 and 20000),
    updated_by bigint       not null references app_user (id),
    updated_at timestamptz  not null,
    version    bigint       not null default 0,
    constraint canned_reply_title_unique unique (category, title)
);
