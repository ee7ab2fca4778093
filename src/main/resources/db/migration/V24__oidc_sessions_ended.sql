-- A back-channel logout marks the sign-in ended instead of forgetting it at once, so that the
-- person's next request can say why they were signed out (SessionTimeoutFilter).
alter table oidc_session add column ended_at timestamptz;
