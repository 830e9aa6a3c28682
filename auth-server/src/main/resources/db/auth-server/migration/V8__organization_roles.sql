-- Roles an organization defines beside the built-in owner, admin and member, written by dev.writ.server.org.
--
-- A built-in role has no row: its permissions are fixed in code (org.BuiltInRoles), the same table resource servers
-- apply (the starter's RolePermissions). A membership or invitation names either a built-in role or a row here. No
-- foreign key can say "built-in or defined", so the application checks it in the transaction that assigns the role,
-- holding the role's row FOR SHARE, while deleting a role takes the row FOR UPDATE and refuses while anyone holds
-- the role or a pending invitation grants it: the two cannot interleave.

CREATE TABLE organization_roles (
    organization_id  text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- The role claim's value: lower case, so that it reads the same in a token, a URL and the audit log; never a
    -- built-in name, so that "admin" means the same in every organization.
    name             text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]{1,39}$' AND name NOT IN ('owner', 'admin', 'member')),
    description      text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    -- Each a permission of the built-in vocabulary (checked by the application, which knows it).
    permissions      text[] NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, name)
);

-- A role is now a built-in or a defined one; its shape is all the schema can still check.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role ~ '^[a-z][a-z0-9_-]{1,39}$');
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role ~ '^[a-z][a-z0-9_-]{1,39}$');

-- Serves "is this role still held?", which deleting a role asks.
CREATE INDEX memberships_organization_role_idx ON memberships (organization_id, role);
