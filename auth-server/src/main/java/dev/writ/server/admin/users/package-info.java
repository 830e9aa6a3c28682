/**
 * The users part of the admin API ({@code /admin/api/users}): a platform operator with
 * {@code admin:users} reads, disables and enables user accounts through
 * {@code admin.UserAdministration}; every error is an {@code admin.AdminProblem}.
 */
@NullMarked
package dev.writ.server.admin.users;

import org.jspecify.annotations.NullMarked;
