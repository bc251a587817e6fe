package org.switchboard.webinars;

import java.time.Instant;
import java.util.Map;

/**
 * One person of a webinar, merged across its invitee, registrant and attendee lists by email: the standard
 * registration fields (from the registration, else from the display name) and the attendance.
 *
 * @param key the email in lower case, or the registrant's id when there is no email
 */
record WebinarPerson(String key, Map<String, String> registration, boolean invitee, boolean registrant, boolean attendee,
		Instant joined, Instant left, long minutes) {

	String value(String registrationField) {
		String value = registration.get(registrationField);
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** The highest role: attendee, then registrant, then invitee (the standard campaign member status follows it). */
	String role() {
		return attendee ? "attendee" : registrant ? "registrant" : "invitee";
	}

	String campaignStatus() {
		return attendee ? "Attended" : registrant ? "Registered" : "Invited";
	}
}
