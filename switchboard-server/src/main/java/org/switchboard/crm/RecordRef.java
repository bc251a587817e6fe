package org.switchboard.crm;

/** Points at one record of one object. */
public record RecordRef(String object, String id) {
}
