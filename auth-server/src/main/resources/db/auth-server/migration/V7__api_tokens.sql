-- API tokens (personal or organization-owned, for integrations), written by dev.writ.server.apitoken.

CREATE TABLE api_tokens (
    -- pat_ followed by random characters: the public handle that lists, revocation entries and the jti carry.
    id               text PRIMARY KEY,
    organization_id  text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- The user the token acts for; NULL for a token the organization owns, which outlives its creator's membership.
    owner_user_id    text REFERENCES users (id) ON DELETE CASCADE,
    -- Kept (no foreign key) after the creator's account is gone, so the list still says who made the token.
    created_by       text NOT NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    scopes           text[] NOT NULL,
    created_at       timestamptz NOT NULL,
    -- Every token expires: an integration's forgotten secret must not be valid forever.
    expires_at       timestamptz NOT NULL CHECK (expires_at > created_at),
    revoked_at       timestamptz,
    -- Written at most once per flush interval from Redis (writ:pat:last-used:{id}), never per request.
    last_used_at     timestamptz,
    -- SHA-256 of the secret, base64url: the secret itself is shown once and never stored.
    token_hash       text NOT NULL UNIQUE
);

CREATE INDEX api_tokens_organization_id_idx ON api_tokens (organization_id, created_at);

-- An organization's API-token policy; an organization without a row gets the defaults of writ.api-tokens.
CREATE TABLE api_token_policies (
    organization_id       text PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    max_lifetime_seconds  bigint NOT NULL CHECK (max_lifetime_seconds > 0)
);
