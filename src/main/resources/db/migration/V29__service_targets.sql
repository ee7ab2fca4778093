-- Service-level targets (decision 0072): when the centre first answered and when the case was
-- closed, and the targets' due times in working time, computed in Java on every change of a case
-- (ServiceTargets). next_due is the earliest target still open, which the queue sorts by; it is
-- empty while the clock stands still (Venter på kunde, Utsatt) and once the case is closed.
alter table support_case
    add column first_answered_at timestamptz,
    add column closed_at         timestamptz,
    add column first_answer_due  timestamptz,
    add column resolution_due    timestamptz,
    add column next_due          timestamptz;
