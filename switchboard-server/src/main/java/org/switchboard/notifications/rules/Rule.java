package org.switchboard.notifications.rules;

import java.time.Instant;
import java.util.List;

/** A notification rule as stored and shown by the API. */
public record Rule(String id, String name, String object, List<String> trackedFields, String template, boolean active,
		String updatedBy, Instant updatedAt) {

	public Rule {
		trackedFields = List.copyOf(trackedFields);
	}
}
