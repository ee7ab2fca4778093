-- Where a file's content is (decision 0080): its chunks in attachment_chunk, or one object in an
-- S3-compatible store. Its key stays here either way, so rotating a key touches only this table.
-- Files stored before an installation chose the object store stay readable where they are.
alter table attachment_blob
    add column stored_in varchar(16) not null default 'postgresql'
        constraint attachment_blob_stored_in check (stored_in in ('postgresql', 's3'));
