package dev.writ.server.org;

/**
 * An organization: a customer's workspace, which users and clients belong to.
 *
 * @param id the stable id, the {@code org} claim
 * @param slug the short name in URLs
 * @param name the name people read
 */
public record Organization(String id, String slug, String name) {

}
