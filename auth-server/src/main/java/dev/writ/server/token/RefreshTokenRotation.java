package dev.writ.server.token;

/**
 * The outcome of a successful refresh: the token that replaces the presented one, and
 * what the family grants.
 *
 * @param next the new current token of the family
 * @param grant the family's grant, for the access token the refresh request mints
 */
public record RefreshTokenRotation(IssuedRefreshToken next, RefreshGrant grant) {

}
