-- Every row belongs to one organization (the token's org claim); every query filters on it.
CREATE TABLE project (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id text        NOT NULL,
    name            text        NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX project_organization ON project (organization_id, created_at);

CREATE TABLE deployment (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id   uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    environment  text        NOT NULL,
    version      text        NOT NULL,
    requested_by text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX deployment_project ON deployment (project_id, created_at);
