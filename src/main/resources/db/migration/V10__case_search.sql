-- Finding cases: full-text search over a case's subject and messages (Norwegian stemming),
-- partial-word matching on subjects, and the indexes behind sorting the case list.
--
-- One aggregated text column per case and audience instead of a tsvector per message: an
-- EXISTS over messages is far too slow for common words at a million cases (decision 0050).
-- The database keeps both columns up to date with triggers.

create extension if not exists pg_trgm;

alter table support_case
    add column search_public   tsvector not null default ''::tsvector,
    add column search_internal tsvector not null default ''::tsvector;

-- Subject (weight A) and every public message of the case.
create function support_case_public_text(p_case_id bigint, p_subject text) returns tsvector
    language sql stable as
$$
select setweight(to_tsvector('norwegian', p_subject), 'A')
           || coalesce((select to_tsvector('norwegian', string_agg(m.body, ' ' order by m.id))
                        from message m
                        where m.case_id = p_case_id and not m.internal), ''::tsvector)
$$;

create function support_case_internal_text(p_case_id bigint) returns tsvector
    language sql stable as
$$
select coalesce((select to_tsvector('norwegian', string_agg(m.body, ' ' order by m.id))
                 from message m
                 where m.case_id = p_case_id and m.internal), ''::tsvector)
$$;

-- A new or renamed case: recompute from its subject and messages (a new case has none yet:
-- its messages are inserted after it and append themselves).
create function support_case_search_refresh() returns trigger
    language plpgsql as
$$
begin
    new.search_public := support_case_public_text(new.id, new.subject);
    return new;
end;
$$;

create trigger support_case_search_on_insert
    before insert on support_case
    for each row execute function support_case_search_refresh();

create trigger support_case_search_on_rename
    before update of subject on support_case
    for each row when (old.subject is distinct from new.subject)
    execute function support_case_search_refresh();

-- A new message: append its words to its case's column for its audience.
create function message_search_append() returns trigger
    language plpgsql as
$$
begin
    if new.internal then
        update support_case set search_internal = search_internal || to_tsvector('norwegian', new.body)
        where id = new.case_id;
    else
        update support_case set search_public = search_public || to_tsvector('norwegian', new.body)
        where id = new.case_id;
    end if;
    return new;
end;
$$;

create trigger message_search_append
    after insert on message
    for each row execute function message_search_append();

-- Messages are never edited or deleted in the portal; should one be, recompute its case.
create function message_search_recompute() returns trigger
    language plpgsql as
$$
begin
    update support_case
    set search_public   = support_case_public_text(id, subject),
        search_internal = support_case_internal_text(id)
    where id = old.case_id;
    return null;
end;
$$;

create trigger message_search_recompute
    after update of body, internal or delete on message
    for each row execute function message_search_recompute();

update support_case c
set search_public   = support_case_public_text(c.id, c.subject),
    search_internal = support_case_internal_text(c.id);

create index support_case_search_public_idx on support_case using gin (search_public);
create index support_case_search_internal_idx on support_case using gin (search_internal);
create index support_case_subject_trgm_idx on support_case using gin (subject gin_trgm_ops);

-- Sorting by created date, the list's other common order.
create index support_case_reporter_created_idx on support_case (reporter_id, created_at desc, id desc);
create index support_case_org_category_created_idx on support_case (organization_id, category, created_at desc, id desc);
create index support_case_category_created_idx on support_case (category, created_at desc, id desc);
