-- Invitations to join an organization by email, written by dev.writ.server.invitation.
--
-- The link's token (writ_inv_ and 256 random bits) is never stored, only its SHA-256, as for every other bearer
-- secret: a copy of this table lets nobody join anything. An invitation is used at most once: accepting it sets
-- accepted_at in the same statement that checks it is still NULL.

CREATE TABLE invitations (
    -- inv_ followed by 128 random bits in hex; unlike the token, safe to show and to log.
    id               text PRIMARY KEY,
    organization_id  text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- Kept as entered, so the email goes to the address typed; matched against the accepting user's ignoring case.
    email            text NOT NULL,
    role             text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    -- base64url SHA-256 of the token.
    token_hash       text NOT NULL UNIQUE,
    -- Who invited; the invitation outlives the inviter's account.
    invited_by       text REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- Set from the database's clock, like accepted_at and every check against them, so nodes never disagree.
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    -- NULL once accepted only if the accepting user was deleted since.
    accepted_by      text REFERENCES users (id) ON DELETE SET NULL,
    CHECK (expires_at > created_at),
    CHECK (accepted_by IS NULL OR accepted_at IS NOT NULL)
);

-- Serves listing an organization's invitations and the cascade when it is deleted.
CREATE INDEX invitations_organization_id_idx ON invitations (organization_id);
