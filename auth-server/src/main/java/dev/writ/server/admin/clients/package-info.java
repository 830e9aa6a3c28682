/**
 * The clients part of the admin API ({@code /admin/api/clients}): a thin layer over
 * {@code admin.ClientAdministration} that decides who calls (a platform operator with
 * {@code admin:clients}, or a user with {@code manage:organization} whose current role in
 * the token's organization has {@code clients:manage}), parses the request into a change
 * of {@code admin.ClientRegistration}, and answers JSON; every error is an
 * {@code admin.AdminProblem}.
 */
@NullMarked
package dev.writ.server.admin.clients;

import org.jspecify.annotations.NullMarked;
