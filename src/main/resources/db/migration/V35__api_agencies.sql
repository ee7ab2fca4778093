-- Agencies an administrator has enabled for the JSON API (Maskinporten), each acting through a
-- system account of its own: a person row that cannot sign in (no password, no identity) and
-- gets no notices (disabled), so that cases it registers have a reporter like any other.
create table api_agency (
    organization_id bigint      primary key references organization (id),
    system_user_id  bigint      not null unique references app_user (id),
    enabled         boolean     not null,
    changed_at      timestamptz not null default now(),
    changed_by      bigint      references app_user (id)
);

-- Cases registered by an agency's own system through the API.
alter table support_case drop constraint support_case_channel_check;
alter table support_case add constraint support_case_channel_check
    check (channel in ('WEB', 'EMAIL', 'PHONE', 'API'));
