-- A table added without its line in R__grants.sql (DatabaseRolesTests).
create table table_without_grants (id int);
