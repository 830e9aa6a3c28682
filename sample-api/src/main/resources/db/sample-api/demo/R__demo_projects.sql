-- Demo data (profile demo only). Fixed ids make the seed idempotent: rerunning it inserts nothing twice.
INSERT INTO project (id, organization_id, name, created_by) VALUES
    ('0a1c3d9e-0000-4000-8000-000000000001', 'org_acme', 'Rocket sled', 'usr_demo'),
    ('0a1c3d9e-0000-4000-8000-000000000002', 'org_acme', 'Anvil delivery', 'usr_demo'),
    ('0a1c3d9e-0000-4000-8000-000000000003', 'org_globex', 'Hammock district', 'usr_demo')
ON CONFLICT (id) DO NOTHING;

INSERT INTO deployment (id, project_id, environment, version, requested_by) VALUES
    ('0a1c3d9e-0000-4000-8000-000000000101', '0a1c3d9e-0000-4000-8000-000000000001', 'production', '1.0.0', 'usr_demo')
ON CONFLICT (id) DO NOTHING;

-- org_acme pays for the team plan; org_globex stays on the free one (no row).
INSERT INTO organization_plan (organization_id, plan) VALUES ('org_acme', 'team')
ON CONFLICT (organization_id) DO NOTHING;
