package dev.switchboard.salesforce.sandbox.records;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.schema.FieldSpec;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;

/** Salesforce's save-time checks: required fields, lookups, and the uniqueness rules of the standard objects. */
final class Validation {

	private Validation() {
	}

	static void required(ObjectSpec object, Map<String, Object> values, List<Map<String, Object>> problems) {
		List<String> missing = object.fields().stream().filter(FieldSpec::required).map(FieldSpec::name)
			.filter(f -> values.get(f) == null).toList();
		if (!missing.isEmpty()) {
			problems.add(SfError.entry("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
		}
	}

	static void references(RecordStore store, ObjectSpec object, Map<String, Object> values, List<Map<String, Object>> problems) {
		for (FieldSpec field : object.fields()) {
			Object value = values.get(field.name());
			if (!"reference".equals(field.type()) || value == null) {
				continue;
			}
			String id = Ids.canonical(value.toString());
			Map<String, Object> target = id == null ? null : store.records().get(id);
			if (target == null) {
				problems.add(SfError.entry("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of(field.name())));
			}
			else if (!field.referenceTo().contains(RecordStore.type(target))) {
				problems.add(SfError.entry("FIELD_INTEGRITY_EXCEPTION", FieldSpecs.label(field) + " ID: id value of incorrect type: " + value,
						List.of(field.name())));
			}
			else {
				values.put(field.name(), id);
			}
		}
	}

	static void unique(RecordStore store, ObjectSpec object, Map<String, Object> values, String selfId, List<Map<String, Object>> problems) {
		List<Map<String, Object>> others = store.records().values().stream()
			.filter(r -> object.name().equals(RecordStore.type(r)) && !Objects.equals(selfId, r.get("Id"))).toList();
		switch (object.name()) {
			case "User" -> {
				Object username = values.get("Username");
				if (username != null && !username.toString().matches("[\\x21-\\x7E&&[^@]]+@[\\x21-\\x7E&&[^@]]+\\.[\\x21-\\x7E&&[^@]]+")) {
					problems.add(SfError.entry("INVALID_NEW_USERNAME", "Username: the username must be in the form of an email address in ASCII (for example, john@acme.com)",
							List.of("Username")));
				}
				if (others.stream().anyMatch(r -> same(r.get("Username"), values.get("Username")))) {
					problems.add(SfError.entry("DUPLICATE_USERNAME", "Duplicate Username.<br>The username already exists in this or another Salesforce organization.",
							List.of("Username")));
				}
			}
			case "PermissionSet" -> {
				Object name = values.get("Name");
				if (name != null && !name.toString().matches("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)")) {
					problems.add(SfError.entry("FIELD_INTEGRITY_EXCEPTION", "The Name field can only contain underscores and alphanumeric characters. "
							+ "It must begin with a letter, not end with an underscore, and not contain two consecutive underscores.", List.of("Name")));
				}
				if (others.stream().anyMatch(r -> same(r.get("Name"), values.get("Name")))) {
					problems.add(SfError.entry("DUPLICATE_DEVELOPER_NAME", "The API name you entered is already in use.", List.of("Name")));
				}
			}
			case "CampaignMember" -> {
				boolean twice = others.stream().anyMatch(r -> Objects.equals(r.get("CampaignId"), values.get("CampaignId"))
						&& ((values.get("ContactId") != null && Objects.equals(r.get("ContactId"), values.get("ContactId")))
								|| (values.get("LeadId") != null && Objects.equals(r.get("LeadId"), values.get("LeadId")))));
				if (twice) {
					problems.add(SfError.entry("DUPLICATE_VALUE", "Already a campaign member.", List.of()));
				}
			}
			default -> {
			}
		}
	}

	private static boolean same(Object a, Object b) {
		return a != null && b != null && a.toString().equalsIgnoreCase(b.toString()) && a.toString().chars().allMatch(c -> c < 128)
				&& b.toString().chars().allMatch(c -> c < 128);
	}

	/** Labels as Salesforce's messages show them. */
	private static final class FieldSpecs {

		static String label(FieldSpec field) {
			return field.name().endsWith("Id") ? field.name().substring(0, field.name().length() - 2) : field.name();
		}
	}
}
