package dev.writ.resourceserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The annotated method (or every method of the annotated type) needs an access token with
 * this scope; otherwise the caller gets 403 with
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="<value>"}.
 *
 * <pre class="code">
 * &#64;GetMapping("/projects")
 * &#64;RequireScope("read:projects")
 * Flux&lt;Project&gt; projects(&#64;AuthenticationPrincipal WritPrincipal caller) { ... }
 * </pre>
 *
 * <p>
 * It is a {@link PreAuthorize} meta-annotation, resolved through the
 * {@code AnnotationTemplateExpressionDefaults} bean that the starter registers. Like any
 * two {@code @PreAuthorize} annotations, it cannot be combined with
 * {@link RequireOrgRole} on one method: write the combined rule as {@code @PreAuthorize}
 * or as a route rule.
 *
 * @see WritAuthorization#scope(String)
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("T(dev.writ.resourceserver.WritAuthorization).scope('{value}')")
public @interface RequireScope {

	/** The scope, e.g. {@code read:projects}. */
	String value();

}
