/**
 * Access-token verification: JWKS cache, signature verifier, RFC 9068 validators,
 * principal conversion.
 */
@NullMarked
package dev.writ.resourceserver.jwt;

import org.jspecify.annotations.NullMarked;
