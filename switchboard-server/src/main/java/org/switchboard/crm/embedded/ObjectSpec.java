package org.switchboard.crm.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

/** A small builder that keeps the standard-object catalog readable. */
final class ObjectSpec {

	private final String name;
	private final String label;
	private final String plural;
	private final String keyPrefix;
	private final List<FieldDescription> fields = new ArrayList<>();

	private ObjectSpec(String name, String label, String plural, String keyPrefix) {
		this.name = name;
		this.label = label;
		this.plural = plural;
		this.keyPrefix = keyPrefix;
		fields.add(new FieldDescription("Id", "Record ID", FieldType.ID, false, List.of(), List.of(), false, false));
	}

	static ObjectSpec object(String name, String label, String plural, String keyPrefix) {
		return new ObjectSpec(name, label, plural, keyPrefix);
	}

	ObjectSpec field(String fieldName, FieldType type) {
		return add(fieldName, type, false, true, List.of(), List.of());
	}

	ObjectSpec required(String fieldName, FieldType type) {
		return add(fieldName, type, true, true, List.of(), List.of());
	}

	ObjectSpec fields(FieldType type, String... names) {
		Arrays.stream(names).forEach(n -> field(n, type));
		return this;
	}

	/** A value the store computes; readable, never written by callers. */
	ObjectSpec computed(String fieldName, FieldType type) {
		return add(fieldName, type, false, false, List.of(), List.of());
	}

	ObjectSpec picklist(String fieldName, String... values) {
		return add(fieldName, FieldType.PICKLIST, false, true, List.of(), List.of(values));
	}

	ObjectSpec requiredPicklist(String fieldName, String... values) {
		return add(fieldName, FieldType.PICKLIST, true, true, List.of(), List.of(values));
	}

	ObjectSpec reference(String fieldName, String... targets) {
		return add(fieldName, FieldType.REFERENCE, false, true, List.of(targets), List.of());
	}

	ObjectSpec requiredReference(String fieldName, String... targets) {
		return add(fieldName, FieldType.REFERENCE, true, true, List.of(targets), List.of());
	}

	ObjectDescription withOwnerAndAudit() {
		reference("OwnerId", "User");
		return withAudit();
	}

	ObjectDescription withAudit() {
		add("CreatedDate", FieldType.DATETIME, false, false, List.of(), List.of());
		add("CreatedById", FieldType.REFERENCE, false, false, List.of("User"), List.of());
		add("LastModifiedDate", FieldType.DATETIME, false, false, List.of(), List.of());
		add("LastModifiedById", FieldType.REFERENCE, false, false, List.of("User"), List.of());
		return new ObjectDescription(name, label, plural, false, keyPrefix, fields);
	}

	private ObjectSpec add(String fieldName, FieldType type, boolean required, boolean updateable, List<String> refs,
			List<String> values) {
		fields.add(new FieldDescription(fieldName, Labels.fromApiName(fieldName), type, false, refs, values, required,
				updateable));
		return this;
	}
}
