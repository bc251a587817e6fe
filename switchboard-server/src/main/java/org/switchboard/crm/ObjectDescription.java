package org.switchboard.crm;

import java.util.List;
import java.util.Optional;

import org.switchboard.platform.names.ApiNames;

/** An object (standard or custom) and its fields, as the describe API shows it. */
public record ObjectDescription(String name, String label, String labelPlural, boolean custom, String keyPrefix,
		List<FieldDescription> fields) {

	public ObjectDescription {
		fields = List.copyOf(fields);
	}

	/** The field with this API name, case-insensitive in ASCII only; nothing for a name that is not an API name. */
	public Optional<FieldDescription> field(String fieldName) {
		// The exact name first: bulk writes look every field up per row, and the case-insensitive match costs more.
		for (FieldDescription f : fields) {
			if (f.name().equals(fieldName)) {
				return Optional.of(f);
			}
		}
		return fields.stream().filter(f -> ApiNames.same(f.name(), fieldName)).findFirst();
	}

	/** The reference field with this relationship name ({@code Owner} for {@code OwnerId}), matched as {@link #field}. */
	public Optional<FieldDescription> relationship(String relationshipName) {
		return fields.stream().filter(f -> f.relationshipName() != null && ApiNames.same(f.relationshipName(), relationshipName))
			.findFirst();
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
