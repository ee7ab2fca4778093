-- A case takes any number of messages and stays searchable (decision 0059).
--
-- V10 appended every message's words, with their positions, to its case's search column.
-- PostgreSQL refuses a tsvector whose lexemes and positions take more than 1 MB, so on a case
-- with many long messages the next message could not be posted at all. From here on a
-- message's words are merged into the column by case_search_merge, which never lets it grow
-- past half that limit. Columns already larger shrink with the next message of their case.

-- The size of a tsvector as PostgreSQL counts it against its limit. pg_column_size of a stored
-- value is its compressed size; a concatenation is the value itself.
create function case_search_size(words tsvector) returns integer
    language sql immutable parallel safe as
$$
select pg_column_size(words || ''::tsvector)
$$;

-- The words of a case's column with those of one more message:
-- 1. while the column is small, with their positions and weights, as in V10;
-- 2. past that, only which words there are, except the subject's (weight A) with their
--    positions, so a match in the subject still ranks first;
-- 3. when even that would pass 512 kB, a quarter of the older words, picked by a hash, is
--    dropped (again, until the new words fit): the newest words stay findable, and the older
--    a word, the likelier it is gone. Only text of words found nowhere else in the case gets
--    here.
create function case_search_merge(words tsvector, added tsvector) returns tsvector
    language plpgsql immutable parallel safe as
$$
declare
    with_positions constant integer := 256 * 1024;
    bound constant integer := 512 * 1024;
    subject tsvector;
    older tsvector;
    round integer := 0;
begin
    -- A compressed column is larger than its stored size: measured as itself when that is small.
    if pg_column_size(words) + pg_column_size(added) <= with_positions
       and case_search_size(words) + pg_column_size(added) <= with_positions then
        return words || added;
    end if;
    subject := ts_filter(words, '{a}');
    older := strip(words);
    added := strip(added);
    while pg_column_size(subject) + pg_column_size(older) + pg_column_size(added) > bound
          and length(older) > 0 loop
        round := round + 1;
        if round > 8 then
            older := ''::tsvector;
        else
            older := ts_delete(older, array(
                select u.lexeme from unnest(older) u
                where hashtext(u.lexeme || ' ' || length(older) || ' ' || round) & 3 = 0));
        end if;
    end loop;
    return subject || older || added;
end;
$$;

create or replace function message_search_append() returns trigger
    language plpgsql as
$$
begin
    if new.internal then
        update support_case
        set search_internal = case_search_merge(search_internal, to_tsvector('norwegian', new.body))
        where id = new.case_id;
    else
        update support_case
        set search_public = case_search_merge(search_public, to_tsvector('norwegian', new.body))
        where id = new.case_id;
    end if;
    return new;
end;
$$;

-- Recomputing a case (renamed, or a message edited or deleted) merges message by message too:
-- one tsvector of all the text would hit the same limit.
create or replace function support_case_public_text(p_case_id bigint, p_subject text) returns tsvector
    language plpgsql stable as
$$
declare
    words tsvector := setweight(to_tsvector('norwegian', p_subject), 'A');
    body text;
begin
    for body in select m.body from message m where m.case_id = p_case_id and not m.internal order by m.id loop
        words := case_search_merge(words, to_tsvector('norwegian', body));
    end loop;
    return words;
end;
$$;

create or replace function support_case_internal_text(p_case_id bigint) returns tsvector
    language plpgsql stable as
$$
declare
    words tsvector := ''::tsvector;
    body text;
begin
    for body in select m.body from message m where m.case_id = p_case_id and m.internal order by m.id loop
        words := case_search_merge(words, to_tsvector('norwegian', body));
    end loop;
    return words;
end;
$$;
