-- The billing plan of an organization. An organization without a row is on the free plan, so nothing has to be
-- written when an organization first calls the API.
CREATE TABLE organization_plan (
    organization_id text PRIMARY KEY,
    plan            text        NOT NULL CHECK (plan IN ('free', 'team', 'enterprise')),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
