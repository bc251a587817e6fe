package dev.switchboard.salesforce.sandbox.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One sObject type: names, key prefix, fields, and the field its records are named by. */
public record ObjectSpec(String name, String label, String labelPlural, String keyPrefix, List<FieldSpec> fields) {

	public Optional<FieldSpec> field(String fieldName) {
		return fields.stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
	}

	/** The reference field whose relationship name is {@code relationship}, case-insensitively. */
	public Optional<FieldSpec> relationship(String relationship) {
		return fields.stream().filter(f -> relationship.equalsIgnoreCase(f.relationshipName())).findFirst();
	}

	public String nameField() {
		return fields.stream().filter(FieldSpec::nameField).map(FieldSpec::name).findFirst().orElse("Id");
	}

	public Map<String, Object> summary(String base) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("name", name);
		summary.put("label", label);
		summary.put("labelPlural", labelPlural);
		summary.put("keyPrefix", keyPrefix);
		summary.put("custom", name.endsWith("__c"));
		summary.put("createable", true);
		summary.put("queryable", true);
		summary.put("searchable", true);
		summary.put("urls", Map.of("sobject", base + "/sobjects/" + name, "describe", base + "/sobjects/" + name + "/describe"));
		return summary;
	}

	public Map<String, Object> describe(String base) {
		Map<String, Object> describe = summary(base);
		describe.put("fields", fields.stream().map(FieldSpec::describe).toList());
		return describe;
	}
}
