-- Single sign-on names a person by national identity number (pid). The portal keeps only its
-- keyed hash (HMAC-SHA256 with portal.access.identity-key, as 64 hexadecimal digits), never the
-- number itself.
alter table app_user add column pid_hash char(64) unique check (pid_hash ~ '^[0-9a-f]{64}$');
