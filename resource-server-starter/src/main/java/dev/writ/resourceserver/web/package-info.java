/**
 * WebFlux security wiring and RFC 6750 error responses.
 */
@NullMarked
package dev.writ.resourceserver.web;

import org.jspecify.annotations.NullMarked;
