package org.switchboard.calling.logs;

/** What the user writes in the call log window. */
public record LogRequest(String subject, String notes, String whoId, String whatId, String disposition) {
}
