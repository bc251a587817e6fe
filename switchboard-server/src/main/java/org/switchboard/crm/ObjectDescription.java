package org.switchboard.crm;

import java.util.List;
import java.util.Optional;

/** An object (standard or custom) and its fields, as the describe API shows it. */
public record ObjectDescription(String name, String label, String labelPlural, boolean custom, String keyPrefix,
		List<FieldDescription> fields) {

	public ObjectDescription {
		fields = List.copyOf(fields);
	}

	public Optional<FieldDescription> field(String fieldName) {
		return fields.stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
	}

	public Optional<FieldDescription> relationship(String relationshipName) {
		return fields.stream().filter(f -> relationshipName.equalsIgnoreCase(f.relationshipName())).findFirst();
	}

	public List<FieldDescription> phoneFields() {
		return fields.stream().filter(FieldDescription::isPhone).toList();
	}

	public ObjectDescription withField(FieldDescription field) {
		List<FieldDescription> more = new java.util.ArrayList<>(fields);
		more.add(field);
		return new ObjectDescription(name, label, labelPlural, custom, keyPrefix, more);
	}
}
