package dev.switchboard.salesforce.sandbox.records;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What Salesforce computes on save: person names, closed/won flags, conversion. */
final class Computed {

	private Computed() {
	}

	static void apply(String object, Map<String, Object> values) {
		switch (object) {
			case "User", "Contact", "Lead" -> {
				values.put("Name", Stream.of(values.get("FirstName"), values.get("LastName")).filter(Objects::nonNull)
					.map(Object::toString).collect(Collectors.joining(" ")));
				if ("Lead".equals(object)) {
					values.put("IsConverted", "Closed - Converted".equals(values.get("Status")));
				}
			}
			case "Case" -> values.put("IsClosed", "Closed".equals(values.get("Status")));
			case "Task" -> values.put("IsClosed", "Completed".equals(values.get("Status")));
			case "Opportunity" -> {
				Object stage = values.get("StageName");
				values.put("IsClosed", "Closed Won".equals(stage) || "Closed Lost".equals(stage));
				values.put("IsWon", "Closed Won".equals(stage));
			}
			default -> {
			}
		}
	}
}
