package dev.writ.resourceserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The annotated method (or every method of the annotated type) needs a caller whose role
 * in the token's organization is this one or higher ({@code OWNER} > {@code ADMIN} >
 * {@code MEMBER}); otherwise the caller gets 403 {@code insufficient_scope}.
 *
 * <pre class="code">
 * &#64;DeleteMapping("/projects/{id}")
 * &#64;RequireOrgRole(OrgRole.ADMIN)
 * Mono&lt;Void&gt; delete(...) { ... }
 * </pre>
 *
 * @see WritAuthorization#orgRole(OrgRole)
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("T(dev.writ.resourceserver.WritAuthorization).orgRole(T(dev.writ.resourceserver.OrgRole).{value})")
public @interface RequireOrgRole {

	/** The lowest role that may call the method. */
	OrgRole value();

}
