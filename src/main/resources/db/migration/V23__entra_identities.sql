-- The centre's own staff may sign in with Entra ID, which names a person by their object id
-- (oid) in the centre's tenant. It is not a national identity number, so it is kept as it is.
alter table app_user add column entra_object_id uuid unique;
