-- What is new since a person last looked (decision 0076). Each person's last opening of each
-- case, and on the case when the centre last answered it publicly and last moved its status:
-- a list row compares the two with one primary-key lookup, and the menu's count walks one
-- person's openings. Internal notes and the customer's own messages move neither column.

create table case_opened (
    user_id   bigint      not null references app_user (id),
    case_id   bigint      not null references support_case (id) on delete cascade,
    opened_at timestamptz not null,
    primary key (user_id, case_id)
);

alter table support_case
    add column centre_replied_at timestamptz,
    add column status_changed_at timestamptz;

-- A phone case's first message is the caseworker's note of the call, not an answer.
update support_case c
set centre_replied_at = (select max(m.created_at) from message m
                         where m.case_id = c.id and m.author_side = 'CENTRE' and not m.internal
                           and m.created_at > c.created_at),
    status_changed_at = (select max(s.changed_at) from status_change s
                         where s.case_id = c.id and s.from_status is not null
                           and not s.caused_by_customer_message);

-- Until now nobody's openings were kept: reporters and assignees start with everything seen.
insert into case_opened (user_id, case_id, opened_at)
select reporter_id, id, greatest(updated_at, activity_at) from support_case;
insert into case_opened (user_id, case_id, opened_at)
select assignee_id, id, activity_at from support_case where assignee_id is not null
on conflict do nothing;
