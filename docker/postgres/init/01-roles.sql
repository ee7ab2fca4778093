-- Local use only (docker-compose.yml): the two roles of README.md's "Database roles", with
-- passwords everyone knows. Run once by the postgres image, as its superuser, in the database
-- it created (POSTGRES_DB).

-- Owns the schema: Flyway migrates as this role (SPRING_FLYWAY_USER).
create role kundesenter_owner login password 'kundesenter_owner' nosuperuser nocreatedb nocreaterole;
-- Runs the portal (SPRING_DATASOURCE_USERNAME): gets its privileges from the migrations.
create role kundesenter_app login password 'kundesenter_app' nosuperuser nocreatedb nocreaterole;

do $owner$
begin
    execute format('alter database %I owner to kundesenter_owner', current_database());
end
$owner$;
-- The default since PostgreSQL 15: nobody but the database's owner creates objects here.
revoke create on schema public from public;
