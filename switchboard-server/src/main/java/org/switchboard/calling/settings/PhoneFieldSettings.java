package org.switchboard.calling.settings;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** "Webex phone fields": per object, the phone fields offered for calls and matched against callers, in order. */
public record PhoneFieldSettings(@JsonValue Map<String, List<String>> byObject) {

	public static final String SECTION = "phoneFields";

	@JsonCreator
	public PhoneFieldSettings {
		byObject = byObject == null ? Map.of() : new LinkedHashMap<>(byObject);
	}

	public List<String> fieldsOf(String object) {
		return byObject.getOrDefault(object, List.of());
	}

	/** The phone fields of the given objects, as the CRM's phone lookups take them. */
	public Map<String, Set<String>> forObjects(List<String> objects) {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		for (String object : objects) {
			if (!fieldsOf(object).isEmpty()) {
				fields.put(object, new LinkedHashSet<>(fieldsOf(object)));
			}
		}
		return fields;
	}
}
