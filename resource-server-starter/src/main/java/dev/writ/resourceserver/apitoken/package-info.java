/**
 * API tokens ({@code writ_pat_...}): opaque bearer secrets that the authorization server
 * introspects (RFC 7662) for this service, turned into the same {@code Jwt} principal,
 * authorities and revocation check as an access token.
 */
@NullMarked
package dev.writ.resourceserver.apitoken;

import org.jspecify.annotations.NullMarked;
