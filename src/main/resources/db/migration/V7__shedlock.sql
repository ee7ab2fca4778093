-- Scheduled jobs (first: the attachments module's draft cleanup) run on one node at a time (ShedLock).

create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
