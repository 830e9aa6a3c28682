-- Organizations and registered clients (RFC 6749 §2, RFC 7591 metadata names).

CREATE TABLE organizations (
    id          text PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE oauth2_clients (
    client_id                     text PRIMARY KEY,
    client_name                   text NOT NULL,
    -- Only a hash of the secret is stored ({id}hash, as Spring Security's DelegatingPasswordEncoder writes it).
    client_secret_hash            text,
    client_secret_expires_at      timestamptz,
    token_endpoint_auth_methods   text[] NOT NULL,
    grant_types                   text[] NOT NULL,
    redirect_uris                 text[] NOT NULL DEFAULT '{}',
    scopes                        text[] NOT NULL DEFAULT '{}',
    -- Granted when a token request names no scope; NULL means every scope of the client.
    default_scopes                text[],
    -- Resource indicators (RFC 8707) the client's tokens may be addressed to; the first is the default audience.
    audiences                     text[] NOT NULL DEFAULT '{}',
    organization_id               text REFERENCES organizations (id) ON DELETE CASCADE,
    organization_role             text CHECK (organization_role IN ('owner', 'admin', 'member')),
    access_token_ttl_seconds      integer CHECK (access_token_ttl_seconds > 0),
    require_pkce                  boolean NOT NULL DEFAULT true,
    -- RFC 7523 client authentication: the client's public keys, inline or by reference.
    jwks                          jsonb,
    jwks_uri                      text,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    updated_at                    timestamptz NOT NULL DEFAULT now(),
    CHECK ((organization_id IS NULL) = (organization_role IS NULL))
);
