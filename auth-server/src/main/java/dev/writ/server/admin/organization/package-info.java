/**
 * The admin API of an organization: the organization itself, its members, invitations,
 * API tokens and audit log. One handler per resource, each a thin layer over the service
 * that owns the data ({@code org}, {@code admin.MembershipAdministration},
 * {@code invitation}, {@code apitoken}, {@code audit}): it authorizes the caller through
 * {@code admin.AdminAuthorization}, parses the request into a record, calls the service,
 * publishes the domain event and answers JSON; every error is an
 * {@code admin.AdminProblem}.
 */
@NullMarked
package dev.writ.server.admin.organization;

import org.jspecify.annotations.NullMarked;
