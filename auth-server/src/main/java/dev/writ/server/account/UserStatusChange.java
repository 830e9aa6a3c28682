package dev.writ.server.account;

/**
 * An account after it was disabled or enabled.
 *
 * @param user the account as it now is
 * @param changed whether it was in the other state before, rather than already so
 */
public record UserStatusChange(User user, boolean changed) {

}
