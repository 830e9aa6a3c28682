package dev.writ.resourceserver;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The caller's role in the organization a token was issued for (the {@code role} claim),
 * highest first.
 *
 * <p>
 * A role includes every role below it: an owner may do what an admin may, an admin what a
 * member may. The starter grants the authorities of the included roles too, so
 * {@code hasRole('ORG_MEMBER')} holds for an owner.
 */
public enum OrgRole {

	/** Owns the organization: billing, deletion, ownership transfer. */
	OWNER,

	/** Administers the organization: members, clients, settings. */
	ADMIN,

	/** Belongs to the organization. */
	MEMBER;

	/** The authority Spring Security sees for this role, e.g. {@code ROLE_ORG_ADMIN}. */
	public String authority() {
		return "ROLE_ORG_" + name();
	}

	/** The value of the {@code role} claim, e.g. {@code admin}. */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether a caller with this role may do what {@code required} allows. */
	public boolean includes(OrgRole required) {
		return ordinal() <= required.ordinal();
	}

	/**
	 * The role named by a {@code role} claim value, or {@code null} for none or one this
	 * version does not know (an unknown role grants nothing rather than failing the
	 * request).
	 */
	public static @Nullable OrgRole fromClaim(@Nullable String value) {
		if (value == null) {
			return null;
		}
		for (OrgRole role : values()) {
			if (role.claimValue().equalsIgnoreCase(value)) {
				return role;
			}
		}
		return null;
	}

}
