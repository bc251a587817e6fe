package org.switchboard.calling.calls;

/** A CRM record the caller's number belongs to (or the record a call was placed from). */
public record Match(String object, String id, String name) {
}
