/**
 * API tokens: long-lived opaque bearer secrets ({@code writ_pat_...}) that an
 * organization hands to integrations, created within the creator's role, capped by the
 * organization's policy, stored only hashed, listed, revoked, and introspected by
 * resource servers (RFC 7662) like any other access token.
 */
@NullMarked
package dev.writ.server.apitoken;

import org.jspecify.annotations.NullMarked;
