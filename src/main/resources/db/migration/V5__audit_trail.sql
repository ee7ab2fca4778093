-- The audit trail: who opened, downloaded or changed what, and when. Append-only: the database itself
-- refuses to change or remove a row, so not even a bug in the portal can rewrite history.

create table audit_event (
    id          bigint generated always as identity primary key,
    actor_id    bigint       not null references app_user (id),
    action      varchar(40)  not null,
    case_id     bigint,
    detail      varchar(500) not null default '',
    occurred_at timestamptz  not null default clock_timestamp()
);

create index audit_event_case_idx on audit_event (case_id, occurred_at desc) where case_id is not null;
create index audit_event_actor_idx on audit_event (actor_id, occurred_at desc);

create function refuse_change_of_history() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each statement execute function refuse_change_of_history();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function refuse_change_of_history();
create trigger role_change_append_only before update or delete on role_change
    for each statement execute function refuse_change_of_history();
create trigger role_change_no_truncate before truncate on role_change
    for each statement execute function refuse_change_of_history();
