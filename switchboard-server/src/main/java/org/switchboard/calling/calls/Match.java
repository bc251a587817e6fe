package org.switchboard.calling.calls;

/**
 * A CRM record the caller's number belongs to (or the record a call was placed from).
 *
 * @param field the phone field whose number matched (null when the record was chosen, not matched)
 * @param number that field's value as the record holds it
 */
public record Match(String object, String id, String name, String field, String number) {

	public Match(String object, String id, String name) {
		this(object, id, name, null, null);
	}
}
