-- Which portal session belongs to which sign-in at an OpenID provider, so that a back-channel
-- logout from the provider ends it on whichever node receives it (OidcSessions). Only the
-- provider's pseudonymous ids: issuer, subject and its session id (sid).
create table oidc_session (
    session_id varchar(36)  primary key,
    user_id    bigint       not null references app_user (id),
    issuer     varchar(500) not null,
    subject    varchar(255) not null,
    sid        varchar(255),
    created_at timestamptz  not null default now()
);

create index oidc_session_sid_idx on oidc_session (issuer, sid);
create index oidc_session_subject_idx on oidc_session (issuer, subject);
