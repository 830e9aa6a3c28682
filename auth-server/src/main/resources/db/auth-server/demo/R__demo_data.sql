-- Demo data of the brief, loaded only under the "demo" profile. Idempotent: re-applied whenever this file changes.
-- The secrets are public (they are in the README): never run this profile on a reachable server.

INSERT INTO organizations (id, slug, name) VALUES
    ('org_acme', 'acme', 'Acme Corporation'),
    ('org_globex', 'globex', 'Globex Corporation')
ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name;

INSERT INTO oauth2_clients (client_id, client_name, client_secret_hash, token_endpoint_auth_methods, grant_types,
                            redirect_uris, scopes, audiences, organization_id, organization_role, require_pkce)
VALUES
    -- demo-m2m-secret
    ('demo-m2m', 'Demo machine client',
     '{bcrypt}$2a$10$ZHIA9q.vz2tI/1EbPNYAQOK3cgYq.WuuAI/WmvRHBw2FlHEKjnkwm',
     '{client_secret_basic,client_secret_post}', '{client_credentials}', '{}',
     '{read:projects,write:projects,read:deployments,write:deployments}', '{http://localhost:8081}',
     'org_acme', 'member', true),
    -- demo-web-secret
    ('demo-web', 'Demo web application',
     '{bcrypt}$2a$10$cQ6eDchqZwxHILl7sDx.cuBdQw0Bf2caFXzevqTpTL3/DcRSDJFX6',
     '{client_secret_basic,client_secret_post}', '{authorization_code,refresh_token}',
     '{http://127.0.0.1:3000/callback}',
     '{openid,profile,email,offline_access,read:projects,write:projects}', '{http://localhost:8081}',
     NULL, NULL, true),
    ('demo-spa', 'Demo single-page application', NULL,
     '{none}', '{authorization_code,refresh_token}', '{http://127.0.0.1:3000/callback}',
     '{openid,profile,email,offline_access,read:projects,write:projects}', '{http://localhost:8081}',
     NULL, NULL, true)
ON CONFLICT (client_id) DO UPDATE SET client_name = EXCLUDED.client_name,
    client_secret_hash = EXCLUDED.client_secret_hash,
    token_endpoint_auth_methods = EXCLUDED.token_endpoint_auth_methods, grant_types = EXCLUDED.grant_types,
    redirect_uris = EXCLUDED.redirect_uris, scopes = EXCLUDED.scopes, audiences = EXCLUDED.audiences,
    organization_id = EXCLUDED.organization_id, organization_role = EXCLUDED.organization_role,
    require_pkce = EXCLUDED.require_pkce, updated_at = now();
