-- Who changed what in an organization, when and from where: one row per domain event, written by
-- dev.writ.server.audit.AuditLog and read by the organization's admins. Rows are only ever inserted.

CREATE TABLE audit_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    -- No foreign key: the log must outlive a deleted organization, and say who deleted it. NULL for an event that
    -- belongs to no organization (a refresh token reused by a user without one); no organization's admin sees it.
    organization_id  text,
    actor_kind       text NOT NULL CHECK (actor_kind IN ('user', 'client', 'system')),
    -- Ids, not foreign keys either: the actor and the target may be deleted, their record stays.
    actor_id         text NOT NULL,
    -- The event type, e.g. membership.role_changed.
    action           text NOT NULL,
    target_kind      text NOT NULL,
    target_id        text NOT NULL,
    -- As the server saw it (behind a proxy, from the forwarded headers it trusts); NULL when no request caused it.
    ip_address       text,
    details          jsonb NOT NULL DEFAULT '{}'
);

-- Every read is one organization's log, newest first, paged by (occurred_at, id): this index answers it in order,
-- and a filter on action, actor or target narrows what it walks.
CREATE INDEX audit_log_organization_time_idx ON audit_log (organization_id, occurred_at DESC, id DESC);
