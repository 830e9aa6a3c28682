package dev.writ.resourceserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The annotated method (or every method of the annotated type) needs a caller who holds
 * this permission in the token's organization, by its role ({@link RolePermissions}) or
 * the token's {@code permissions} claim, and the {@link #scope()} if one is named;
 * otherwise the caller gets 403 {@code insufficient_scope} whose description names the
 * missing permission. A token without {@code org} has no permissions.
 *
 * <pre class="code">
 * &#64;DeleteMapping("/projects/{id}")
 * &#64;RequirePermission(value = "projects:delete", scope = "write:projects")
 * Mono&lt;Void&gt; delete(...) { ... }
 * </pre>
 *
 * @see WritPermission
 * @see WritAuthorization#permission(String)
 * @see WritAuthorization#scopeAndPermission(String, String)
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("T(dev.writ.resourceserver.WritAuthorization).scopeAndPermission('{scope}', '{value}')")
public @interface RequirePermission {

	/** The permission, e.g. {@code projects:delete}. */
	String value();

	/**
	 * A scope the token needs as well, checked before the permission; none when empty.
	 */
	String scope() default "";

}
