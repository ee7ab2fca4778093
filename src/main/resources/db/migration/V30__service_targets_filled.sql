-- Fills the service-level columns of V29 for the cases already there, in one pass. When the
-- centre first answered and when a case was closed come from the messages and the status
-- history. The due times are approximate: the default targets (16 working hours, 5 working
-- days) counted from the opening in business hours (08:00-16:00 Monday to Friday, Europe/Oslo),
-- without public holidays or pauses. Open cases get exact ones on their next change.
create function service_target_plus(from_at timestamptz, working interval) returns timestamptz
    language plpgsql immutable as $$
declare
    local_from timestamp := from_at at time zone 'Europe/Oslo';
    day        date      := (from_at at time zone 'Europe/Oslo')::date;
    opens      timestamp;
    closes     timestamp;
    remaining  interval  := working;
begin
    for i in 1..400 loop
        if extract(isodow from day) < 6 then
            opens := greatest(local_from, day + time '08:00');
            closes := day + time '16:00';
            if opens < closes then
                if remaining <= closes - opens then
                    return (opens + remaining) at time zone 'Europe/Oslo';
                end if;
                remaining := remaining - (closes - opens);
            end if;
        end if;
        day := day + 1;
    end loop;
    return null;
end $$;

with answered as (
    select case_id, min(created_at) as at
    from (select m.case_id, m.created_at, m.author_side, m.internal,
                 row_number() over (partition by m.case_id order by m.created_at, m.id) as n
          from message m) ordered
    where n > 1 and author_side = 'CENTRE' and not internal
    group by case_id),
closed as (
    select case_id, max(changed_at) as at from status_change where to_status = 'CLOSED' group by case_id),
filled as (
    select c.id, a.at as answered_at,
           case when c.status = 'CLOSED' then coalesce(s.at, c.updated_at) end as closed_at,
           case when c.status in ('ACTIVE', 'IN_PROGRESS', 'CLOSED')
                then service_target_plus(c.created_at, interval '16 hours') end as first_answer_due,
           case when c.status in ('ACTIVE', 'IN_PROGRESS', 'CLOSED')
                then service_target_plus(c.created_at, interval '40 hours') end as resolution_due
    from support_case c
    left join answered a on a.case_id = c.id
    left join closed s on s.case_id = c.id)
update support_case c
set first_answered_at = f.answered_at,
    closed_at         = f.closed_at,
    first_answer_due  = f.first_answer_due,
    resolution_due    = f.resolution_due,
    next_due          = case when c.status in ('ACTIVE', 'IN_PROGRESS')
                             then case when f.answered_at is null then least(f.first_answer_due, f.resolution_due)
                                       else f.resolution_due end end
from filled f
where f.id = c.id;

drop function service_target_plus(timestamptz, interval);

-- The queue by due time, overdue first (the earliest due time), cases at a standstill last: open
-- cases of a category (Alle åpne) and of a caseworker (Mine), as V8's by waiting time. Ufordelt
-- has its own: through V8's index it read every open case of the category to find the few
-- nobody has (5,911 of 57,080 payroll cases in bench/, 135 ms for its count).
create index support_case_open_due_idx on support_case (category, next_due, id) where status <> 'CLOSED';
create index support_case_unassigned_due_idx on support_case (category, next_due, id)
    where status <> 'CLOSED' and assignee_id is null;
create index support_case_open_assignee_due_idx on support_case (assignee_id, next_due, id)
    where status <> 'CLOSED' and assignee_id is not null;

-- Closed cases of a category by when they were closed: the share within target over a period.
create index support_case_closed_idx on support_case (category, closed_at) where status = 'CLOSED';
