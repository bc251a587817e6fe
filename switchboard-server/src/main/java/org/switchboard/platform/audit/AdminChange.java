package org.switchboard.platform.audit;

/**
 * An admin change a feature module made (a rule saved, a token registered), published in the writing transaction
 * so that the admin module's audit log records it with the change or not at all. Never carries a secret.
 */
public record AdminChange(String actor, String action, String target, String oldValue, String newValue) {
}
