/**
 * Revoked-token checks: the in-memory list mirrored from Redis, and RFC 7662
 * introspection.
 */
@NullMarked
package dev.writ.resourceserver.revocation;

import org.jspecify.annotations.NullMarked;
