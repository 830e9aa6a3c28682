-- Demo data of the brief, loaded only under the "demo" profile. Idempotent: re-applied whenever this file changes.
-- The secrets are public (they are in the README): never run this profile on a reachable server.

INSERT INTO organizations (id, slug, name) VALUES
    ('org_acme', 'acme', 'Acme Corporation'),
    ('org_globex', 'globex', 'Globex Corporation')
ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name;

INSERT INTO oauth2_clients (client_id, client_name, client_secret_hash, token_endpoint_auth_methods, grant_types,
                            redirect_uris, scopes, audiences, organization_id, organization_role, require_pkce,
                            post_logout_redirect_uris)
VALUES
    -- demo-m2m-secret
    ('demo-m2m', 'Demo machine client',
     '{bcrypt}$2a$10$ZHIA9q.vz2tI/1EbPNYAQOK3cgYq.WuuAI/WmvRHBw2FlHEKjnkwm',
     '{client_secret_basic,client_secret_post}', '{client_credentials}', '{}',
     '{read:projects,write:projects,read:deployments,write:deployments}', '{http://localhost:8081}',
     'org_acme', 'member', true, '{}'),
    -- demo-web-secret
    ('demo-web', 'Demo web application',
     '{bcrypt}$2a$10$cQ6eDchqZwxHILl7sDx.cuBdQw0Bf2caFXzevqTpTL3/DcRSDJFX6',
     '{client_secret_basic,client_secret_post}', '{authorization_code,refresh_token}',
     '{http://127.0.0.1:3000/callback}',
     '{openid,profile,email,offline_access,read:projects,write:projects,manage:organization}',
     '{http://localhost:8081,http://localhost:9000/admin/api}', NULL, NULL, true, '{http://127.0.0.1:3000/signed-out}'),
    -- sample-api-secret: the demo's resource server, which introspects API tokens (RFC 7662) with it
    ('sample-api', 'Sample API (resource server)',
     '{bcrypt}$2a$10$wkvKT5pIo66YMGKJDJk1N.MmnNFM6FQK7PAdnAiPIQi1w6soyRpt6',
     '{client_secret_basic}', '{client_credentials}', '{}', '{}', '{}', NULL, NULL, true, '{}'),
    ('demo-spa', 'Demo single-page application', NULL,
     '{none}', '{authorization_code,refresh_token}', '{http://127.0.0.1:3000/callback}',
     '{openid,profile,email,offline_access,read:projects,write:projects,manage:organization}',
     '{http://localhost:8081,http://localhost:9000/admin/api}', NULL, NULL, true, '{http://127.0.0.1:3000/signed-out}'),
    -- demo-admin-secret: the platform's operator, for the admin API (/admin/api); belongs to no organization
    ('demo-admin', 'Demo platform administrator',
     '{bcrypt}$2a$10$8s3pwS.HKE5yqBrDkElZYO4Ms3J9oQFWbrLyfRPYLiibV3ZQN7.n6',
     '{client_secret_basic,client_secret_post}', '{client_credentials}', '{}',
     '{admin:organizations,admin:clients,admin:users}', '{http://localhost:9000/admin/api}', NULL, NULL, true, '{}')
ON CONFLICT (client_id) DO UPDATE SET client_name = EXCLUDED.client_name,
    client_secret_hash = EXCLUDED.client_secret_hash,
    token_endpoint_auth_methods = EXCLUDED.token_endpoint_auth_methods, grant_types = EXCLUDED.grant_types,
    redirect_uris = EXCLUDED.redirect_uris, scopes = EXCLUDED.scopes, audiences = EXCLUDED.audiences,
    organization_id = EXCLUDED.organization_id, organization_role = EXCLUDED.organization_role,
    require_pkce = EXCLUDED.require_pkce, post_logout_redirect_uris = EXCLUDED.post_logout_redirect_uris,
    updated_at = now();

-- Every demo user's password is writ-demo-password (public, in the README): Argon2id hashes with the default
-- writ.password-hashing parameters, each with its own salt.
INSERT INTO users (id, email, email_verified, name, password_hash) VALUES
    ('usr_alice', 'alice@acme.test', true, 'Alice Acme',
     '{argon2}$argon2id$v=19$m=19456,t=2,p=1$b8AyxsyDNG4SK5f8d/xqag$6kQuG0dAc1pQm3eQOOHbr0ramlasQs6CqGexgQ6EJSQ'),
    ('usr_adam', 'adam@acme.test', true, 'Adam Acme',
     '{argon2}$argon2id$v=19$m=19456,t=2,p=1$mFD63wWv8Wa4LFSDML/xAQ$MlYiAQDjDCs7B3wGwSa/a4p2hfAT4M+zICDB2LRKX+k'),
    ('usr_gina', 'gina@globex.test', true, 'Gina Globex',
     '{argon2}$argon2id$v=19$m=19456,t=2,p=1$TD4nb5C+Pz3BLmkn5PIuTg$gLe1c9WO9dyp/fB18qp7WBBFiCHIJDgwn789e1LsYAE')
ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, email_verified = EXCLUDED.email_verified,
    name = EXCLUDED.name, password_hash = EXCLUDED.password_hash, disabled = false, updated_at = now();

INSERT INTO memberships (user_id, organization_id, role) VALUES
    ('usr_alice', 'org_acme', 'owner'),
    ('usr_adam', 'org_acme', 'member'),
    ('usr_gina', 'org_globex', 'admin')
ON CONFLICT (user_id, organization_id) DO UPDATE SET role = EXCLUDED.role;
