-- The dashboard's figures of open cases (per status, by age, per agency) read from one small
-- index, without visiting the cases.
create index support_case_open_dashboard_idx on support_case (category, status, created_at, organization_id)
    where status <> 'CLOSED';
-- Cases closed per week.
create index status_change_closed_idx on status_change (changed_at, case_id) where to_status = 'CLOSED';
