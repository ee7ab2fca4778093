-- Agency users see a case's last update only from what they may see (decision 0063):
-- updated_at now moves with the case's opening, public messages and status changes only;
-- activity_at with anything that happens on it, internal notes and assignments included,
-- and is what caseworkers see as "Sist oppdatert".
--
-- Until now updated_at was the last activity of any kind: it becomes activity_at, and
-- updated_at is recomputed from the events a customer sees. One pass over the cases.

alter table support_case add column activity_at timestamptz;

-- The last activity is never before the last update a customer sees, even where rows written
-- outside the portal left updated_at behind their messages.
update support_case c
set (updated_at, activity_at) = (
    select seen, greatest(c.updated_at, seen)
    from (select greatest(c.created_at,
                          (select max(m.created_at) from message m where m.case_id = c.id and not m.internal),
                          (select max(s.changed_at) from status_change s where s.case_id = c.id)) as seen) t);

alter table support_case alter column activity_at set not null;

-- A caseworker's list and search (every case of a category, or of both, the latest activity
-- first) are read in this order, as agency users' lists are by updated_at (V2, V12). The
-- category index by updated_at served caseworkers only.
drop index support_case_category_updated_idx;
create index support_case_category_activity_idx on support_case (category, activity_at desc, id desc);
create index support_case_activity_idx on support_case (activity_at desc, id desc);
