/**
 * The public API of the Writ resource-server starter:
 * {@link dev.writ.resourceserver.WritPrincipal},
 * {@link dev.writ.resourceserver.WritAuthorization} and the
 * {@code @RequireScope}/{@code @RequireOrgRole} annotations.
 */
@NullMarked
package dev.writ.resourceserver;

import org.jspecify.annotations.NullMarked;
