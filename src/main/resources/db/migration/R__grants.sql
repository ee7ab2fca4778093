-- What the portal's own database role may do: on each table what the portal does there and
-- nothing more. The role that runs Flyway owns every table, so only it can alter or drop them,
-- disable their triggers or truncate them (decision 0060).
--
-- The portal's role is the placeholder approle (spring.flyway.placeholders.approle, by default
-- spring.datasource.username). When it is the role running this migration (one role for both,
-- as in the demo and the tests), there is nothing to grant. Flyway runs this file again when the
-- file or the role's name changes. Every table must be listed: one without a line fails the
-- migration, so a new table gets its grants in the change that creates it.
do $grants$
declare
    app_role constant text := nullif('${approle}', '');
    schema_name constant text := current_schema();
    privileges constant jsonb := jsonb_build_object(
        -- Agencies and people are read. Approving a request moves a person to its agency; that
        -- column's UPDATE also lets a grant lock the person's row (AccessRequests, V18). A person
        -- signing in for the first time is added, and their name follows the provider's; someone at
        -- the centre is tied to their Entra ID object id; a person confirms their address for
        -- notices (EmailConfirmations); a new installation adds the centre itself
        -- (PersonIdentities).
        'organization', 'select, insert',
        'app_user', 'select, insert, update (organization_id, full_name, entra_object_id, email, language)',
        'user_role', 'select, insert, delete',
        'access_request', 'select, insert, update',
        -- History: appended to, never changed.
        'audit_event', 'select, insert',
        'role_change', 'select, insert',
        'message', 'select, insert',
        'status_change', 'select, insert',
        'case_assignment', 'select, insert',
        -- A person's last opening of a case is replaced by the next; a case's answer or new
        -- status flags its openings as having news (V34).
        'case_opened', 'select, insert, update',
        -- Cases change; they are never deleted.
        'support_case', 'select, insert, update',
        'canned_reply', 'select, insert, update, delete',
        -- Chunks go with their blob: the foreign key deletes them, as the table's owner.
        'attachment', 'select, insert, update, delete',
        'attachment_blob', 'select, insert, update, delete',
        'attachment_chunk', 'select, insert',
        'notice', 'select, insert, update, delete',
        -- Mails read from the centre's mailboxes: a triaged one is linked or rejected, and its
        -- raw content dropped then; rows are kept so a mail is never read twice.
        'received_mail', 'select, insert, update (outcome, reason, case_id, sender_id, raw, handled_by, handled_at, rejection)',
        -- Spring Session, the event publication registry (completed events are deleted), ShedLock.
        'spring_session', 'select, insert, update, delete',
        'spring_session_attributes', 'select, insert, update, delete',
        -- The sign-ins at OpenID providers behind the sessions (back-channel logout).
        'oidc_session', 'select, insert, update, delete',
        'event_publication', 'select, insert, update, delete',
        'shedlock', 'select, insert, update',
        -- Bucket4j's rate-limit state; expired buckets are deleted.
        'rate_limit_bucket', 'select, insert, update, delete',
        -- Agencies enabled for the API (switched on and off, never deleted), and the
        -- Idempotency-Keys of registrations through it.
        'api_agency', 'select, insert, update (enabled, changed_at, changed_by)',
        'api_idempotency_key', 'select, insert, update (case_id)');
    schema_oid oid;
    unlisted text;
    owned text;
    entry record;
begin
    select oid into schema_oid from pg_namespace where nspname = schema_name;
    select string_agg(c.relname, ', ' order by c.relname) into unlisted
    from pg_class c
    where c.relnamespace = schema_oid and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and c.relname <> '${flyway:table}'
      and c.relname not in (select jsonb_object_keys(privileges));
    if unlisted is not null then
        raise exception 'R__grants.sql lists no privileges for: %', unlisted;
    end if;

    if app_role is null or app_role = current_user then
        raise notice 'Flyway and the portal use one role (%): no grants', current_user;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app_role) then
        raise exception 'The portal''s database role % does not exist (README.md, Database roles)', app_role;
    end if;
    if (select rolsuper from pg_roles where rolname = app_role) then
        raise notice 'The portal''s database role % is a superuser: grants cannot limit it', app_role;
        return;
    end if;
    if pg_has_role(app_role, current_user, 'MEMBER') then
        raise exception 'The portal''s database role % is a member of %, which owns the tables', app_role,
            current_user;
    end if;
    select string_agg(c.relname, ', ' order by c.relname) into owned
    from pg_class c
    where c.relnamespace = schema_oid and c.relowner = (select oid from pg_roles where rolname = app_role);
    if owned is not null then
        raise exception 'The portal''s database role % owns %: REASSIGN OWNED BY % TO %', app_role, owned,
            app_role, current_user;
    end if;

    execute format('revoke all on all tables in schema %I from %I', schema_name, app_role);
    execute format('revoke all on all sequences in schema %I from %I', schema_name, app_role);
    execute format('revoke create on schema %I from %I', schema_name, app_role);
    execute format('grant usage on schema %I to %I', schema_name, app_role);
    for entry in select key, value from jsonb_each_text(privileges) loop
        execute format('grant %s on table %I.%I to %I', entry.value, schema_name, entry.key, app_role);
    end loop;
    -- nextval on case_id_seq; identity columns need no grant.
    execute format('grant usage on all sequences in schema %I to %I', schema_name, app_role);
    -- Tables and sequences created later by this role, until they have their line above.
    execute format('alter default privileges in schema %I revoke all on tables from %I', schema_name, app_role);
    execute format('alter default privileges in schema %I grant select, insert on tables to %I', schema_name,
        app_role);
    execute format('alter default privileges in schema %I grant usage on sequences to %I', schema_name, app_role);

    -- Privileges granted to PUBLIC count too.
    if has_schema_privilege(app_role, schema_name, 'create') then
        raise exception 'The portal''s database role % may create objects in schema % (granted to PUBLIC?)',
            app_role, schema_name;
    end if;
    for entry in select key, value from jsonb_each_text(privileges) where value = 'select, insert' loop
        if has_table_privilege(app_role, format('%I.%I', schema_name, entry.key), 'update, delete, truncate') then
            raise exception 'The portal''s database role % may change %, which it only appends to', app_role,
                entry.key;
        end if;
    end loop;
end
$grants$;
