package org.switchboard.crm.embedded;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Values the store fills in: picklist defaults, the owner, person names and closed flags. */
final class ComputedFields {

	private static final Set<String> PERSON_OBJECTS = Set.of("User", "Contact", "Lead");
	private static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
			"Lead", Map.of("Status", "Open - Not Contacted"),
			"Case", Map.of("Status", "New", "Priority", "Medium"),
			"Task", Map.of("Status", "Not Started", "Priority", "Normal"),
			"User", Map.of("IsActive", Boolean.TRUE),
			"Campaign", Map.of("IsActive", Boolean.TRUE),
			"CampaignMember", Map.of("Status", "Sent"));

	private ComputedFields() {
	}

	static void applyDefaults(String object, Map<String, Object> values, boolean hasOwner, String actorId) {
		DEFAULTS.getOrDefault(object, Map.of()).forEach(values::putIfAbsent);
		if (hasOwner && actorId != null) {
			values.putIfAbsent("OwnerId", actorId);
		}
	}

	static void compute(String object, Map<String, Object> values) {
		if (PERSON_OBJECTS.contains(object)) {
			values.put("Name", Stream.of(values.get("FirstName"), values.get("LastName")).filter(Objects::nonNull)
				.map(Object::toString).collect(Collectors.joining(" ")));
		}
		switch (object) {
			case "Case" -> values.put("IsClosed", "Closed".equals(values.get("Status")));
			case "Task" -> values.put("IsClosed", "Completed".equals(values.get("Status")));
			case "Lead" -> values.put("IsConverted", "Closed - Converted".equals(values.get("Status")));
			case "Opportunity" -> {
				Object stage = values.get("StageName");
				values.put("IsClosed", "Closed Won".equals(stage) || "Closed Lost".equals(stage));
				values.put("IsWon", "Closed Won".equals(stage));
			}
			default -> {
			}
		}
	}

	/** The name a record is shown by. */
	static String displayName(String object, Map<String, Object> values) {
		Object name = switch (object) {
			case "Case" -> values.get("CaseNumber");
			case "Task", "Event" -> values.get("Subject");
			default -> values.get("Name");
		};
		return name == null ? null : name.toString();
	}
}
