-- Users (the people who sign in) and their memberships of organizations, written by dev.writ.server.account and
-- dev.writ.server.org.

CREATE TABLE users (
    -- usr_ followed by random characters: never derived from the email, which a user may change.
    id              text PRIMARY KEY,
    -- Kept as entered, so that mail goes to the address the user typed; uniqueness and look-up ignore case, since
    -- nobody expects Alice@Acme.test and alice@acme.test to be two accounts.
    email           text NOT NULL,
    email_verified  boolean NOT NULL DEFAULT false,
    name            text,
    -- {argon2}... (or a legacy {bcrypt}...), as Spring Security's DelegatingPasswordEncoder writes it; only the hash
    -- is stored. NULL for a user who can sign in only through another identity provider.
    password_hash   text,
    -- A disabled user cannot sign in; the row stays, so that tokens and audit entries keep naming someone.
    disabled        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- A user's role in an organization: the org and role claims of the token contract.
CREATE TABLE memberships (
    user_id          text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id  text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role             text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, organization_id)
);

-- The primary key serves look-ups by user; this one serves listing an organization's members.
CREATE INDEX memberships_organization_id_idx ON memberships (organization_id);
