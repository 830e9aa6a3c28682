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
 * {@code MEMBER}), and the {@link #scope()} if one is named; otherwise the caller gets
 * 403 {@code insufficient_scope} whose description names the missing role. A token
 * without {@code org} has no role.
 *
 * <pre class="code">
 * &#64;DeleteMapping("/projects/{id}")
 * &#64;RequireOrgRole(value = OrgRole.ADMIN, scope = "write:projects")
 * Mono&lt;Void&gt; delete(...) { ... }
 * </pre>
 *
 * @see WritAuthorization#orgRole(OrgRole)
 * @see WritAuthorization#scopeAndOrgRole(String, OrgRole)
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("T(dev.writ.resourceserver.WritAuthorization).scopeAndOrgRole('{scope}', T(dev.writ.resourceserver.OrgRole).{value})")
public @interface RequireOrgRole {

	/** The lowest role that may call the method. */
	OrgRole value();

	/**
	 * A scope the token needs as well, checked before the role (a missing scope is
	 * answered as {@code insufficient_scope} naming it); none when empty. It is here
	 * because two {@code @PreAuthorize} annotations cannot sit on one method.
	 */
	String scope() default "";

}
