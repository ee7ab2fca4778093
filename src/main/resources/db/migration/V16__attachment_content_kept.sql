-- No request can destroy the content of an attachment that is listed (decision 0026).
--
-- An attachment's row cannot outlive its content: the content can only be deleted after the
-- row. NOT VALID: rows whose content an earlier version deleted stay (the portal tells that
-- their file is gone); every new row is checked.
alter table attachment
    add constraint attachment_content_fk foreign key (id) references attachment_blob (id) not valid;

-- A file that became part of a case stays there: it is never deleted nor moved to another case
-- or message. Drafts (no case yet) may be claimed once and deleted by their owner or the cleanup.
create function attachment_on_case_kept() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.case_id is not null then
            raise exception 'attachment % belongs to case %: refused', old.id, old.case_id
                using errcode = 'insufficient_privilege';
        end if;
        return old;
    end if;
    if old.case_id is not null and (new.case_id is distinct from old.case_id
            or new.message_id is distinct from old.message_id or new.id <> old.id
            or new.size_bytes <> old.size_bytes or new.content_type <> old.content_type) then
        raise exception 'attachment % belongs to case %: refused', old.id, old.case_id
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;

create trigger attachment_on_case_kept before update or delete on attachment
    for each row execute function attachment_on_case_kept();

-- The portal itself (a scheduled job, such as the draft cleanup) writes audit lines with no person.
alter table audit_event alter column actor_id drop not null;
