package org.switchboard.crm;

import java.util.List;

/** What a Webex Admin supplies to define a custom field; the name must end in {@code __c}. */
public record CustomFieldDefinition(String name, String label, String type, List<String> referenceTo,
		List<String> picklistValues, Boolean required) {

	public CustomFieldDefinition {
		referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
		picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
		required = Boolean.TRUE.equals(required);
	}
}
