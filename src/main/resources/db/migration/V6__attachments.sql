-- Attachments module: files people send with cases, and drafts uploaded before their case exists.
-- The attachments module knows cases, messages and people only by id, so there are no foreign
-- keys to their tables (see docs/decisions/0021).

-- File content, encrypted: one row per file with its wrapped data key, and the content in chunks.
create table attachment_blob (
    id          uuid        primary key,
    key_id      varchar(64) not null,
    wrapped_key bytea       not null,
    size_bytes  bigint      not null check (size_bytes >= 0),
    chunk_count int         not null check (chunk_count >= 0)
);

create table attachment_chunk (
    blob_id uuid  not null references attachment_blob (id) on delete cascade,
    seq     int   not null check (seq >= 0),
    data    bytea not null,
    primary key (blob_id, seq)
);
-- Ciphertext does not compress: store it out of line without trying.
alter table attachment_chunk alter column data set storage external;

-- What people see. A draft has no case; a claimed attachment has a case and maybe a message.
create table attachment (
    id           uuid         primary key,
    -- The order files were uploaded in, also within one upload.
    seq          bigint       generated always as identity,
    case_id      bigint,
    message_id   bigint,
    file_name    varchar(200) not null check (length(file_name) > 0),
    content_type varchar(127) not null,
    size_bytes   bigint       not null check (size_bytes > 0),
    added_by     bigint       not null,
    created_at   timestamptz  not null,
    added_at     timestamptz  not null,
    constraint attachment_message_needs_case check (message_id is null or case_id is not null)
);

create index attachment_case_idx on attachment (case_id, added_at) where case_id is not null;
create index attachment_draft_owner_idx on attachment (added_by, created_at) where case_id is null;
create index attachment_draft_age_idx on attachment (created_at) where case_id is null;
