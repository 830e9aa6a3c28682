package dev.writ.resourceserver;

import org.springframework.security.access.AccessDeniedException;

/**
 * The token carries no {@code org} claim but the resource serves organizations only. It
 * is an {@link AccessDeniedException}, so the starter answers 403
 * {@code insufficient_scope} like any other denial.
 */
public final class OrganizationRequiredException extends AccessDeniedException {

	public static final String DESCRIPTION = "this resource needs a token issued for an organization (org claim)";

	public OrganizationRequiredException() {
		super(DESCRIPTION);
	}

}
