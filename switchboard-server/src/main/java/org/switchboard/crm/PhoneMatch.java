package org.switchboard.crm;

/** A record whose phone field holds the number looked for. */
public record PhoneMatch(CrmRecord record, String phoneField) {
}
