-- What the authorization-code flow adds: per-client consent, logout and refresh-token settings, and remembered consents.

ALTER TABLE oauth2_clients
    -- OpenID Connect RP-Initiated Logout 1.0 §3: where the client may be sent back after a logout.
    ADD COLUMN post_logout_redirect_uris              text[] NOT NULL DEFAULT '{}',
    -- Third-party clients ask the user; a first-party client may be registered without a consent page.
    ADD COLUMN require_consent                        boolean NOT NULL DEFAULT true,
    -- Refresh tokens are issued for offline_access only, unless the client is registered to always get one.
    ADD COLUMN refresh_token_without_offline_access   boolean NOT NULL DEFAULT false,
    -- NULL means the server's defaults (writ.refresh-token.*).
    ADD COLUMN refresh_token_idle_ttl_seconds         integer CHECK (refresh_token_idle_ttl_seconds > 0),
    ADD COLUMN refresh_token_absolute_ttl_seconds     integer CHECK (refresh_token_absolute_ttl_seconds > 0);

-- The scopes a user has allowed a client; a later request within them needs no consent page.
CREATE TABLE consents (
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id   text NOT NULL REFERENCES oauth2_clients (client_id) ON DELETE CASCADE,
    scopes      text[] NOT NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, client_id)
);
