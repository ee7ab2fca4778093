-- Every mail read from the centre's mailboxes, recorded in the same transaction as what it
-- became, so a mail seen again (after a crash, before it was moved) is skipped: by its place in
-- the mailbox (UIDVALIDITY and UID) or by its Message-ID. Triaged and quarantined mails keep
-- their raw content until a caseworker has dealt with them.
create table received_mail (
    id              bigint generated always as identity primary key,
    mailbox         varchar(20)  not null check (mailbox in ('PAYROLL', 'ACCOUNTING')),
    uid_validity    bigint       not null,
    uid             bigint       not null,
    message_id      varchar(998),
    from_address    varchar(320),
    subject         varchar(200),
    received_at     timestamptz  not null,
    outcome         varchar(20)  not null check (outcome in ('CASE', 'MESSAGE', 'TRIAGE', 'QUARANTINE', 'IGNORED',
        'OUT_OF_OFFICE', 'BOUNCE', 'LINKED', 'REJECTED')),
    reason          varchar(100) not null,
    case_id         bigint references support_case (id),
    sender_id       bigint references app_user (id),
    raw             bytea,
    handled_by      bigint references app_user (id),
    handled_at      timestamptz,
    rejection       varchar(500),
    unique (mailbox, uid_validity, uid)
);

create unique index received_mail_message_id on received_mail (mailbox, message_id) where message_id is not null;
create index received_mail_waiting on received_mail (mailbox, received_at) where outcome in ('TRIAGE', 'QUARANTINE');
create index received_mail_new_cases on received_mail (sender_id, received_at) where outcome = 'CASE';
