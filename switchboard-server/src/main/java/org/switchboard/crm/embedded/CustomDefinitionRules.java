package org.switchboard.crm.embedded;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.crm.CrmException;
import org.switchboard.crm.CustomFieldDefinition;
import org.switchboard.crm.CustomObjectDefinition;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.names.ApiNames;

/** What makes a custom object or field definition acceptable. */
final class CustomDefinitionRules {

	// The widths of crm_custom_object's and crm_custom_field's columns.
	private static final int MAX_LABEL = 120;
	private static final int MAX_PICKLIST_VALUES = 500;
	private static final int MAX_JOINED_PICKLIST = 4000;
	private static final int MAX_JOINED_REFERENCES = 400;

	private final EmbeddedSchema schema;

	CustomDefinitionRules(EmbeddedSchema schema) {
		this.schema = schema;
	}

	void checkObject(CustomObjectDefinition definition) {
		List<FieldProblem> problems = new ArrayList<>();
		checkName(definition.name(), problems);
		checkLength("label", definition.label(), MAX_LABEL, problems);
		checkLength("labelPlural", definition.labelPlural(), MAX_LABEL, problems);
		failIfAny(problems);
	}

	void checkField(ObjectDescription target, CustomFieldDefinition definition) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = definition.name();
		if (target.field(name).isPresent()) {
			boolean standard = !target.field(name).get().custom();
			if (standard) {
				problems.add(new FieldProblem("name", "'" + name + "' clashes with the standard field " + target.name() + "." + target.field(name).get().name()));
				failIfAny(problems);
			}
			throw CrmException.duplicate("A field named '" + name + "' on " + target.name());
		}
		checkName(name, problems);
		checkLength("label", definition.label(), MAX_LABEL, problems);
		checkType(definition, problems);
		checkLists(definition, problems);
		failIfAny(problems);
	}

	/** The bounds of crm_custom_field's columns: values joined with the list separator must fit. */
	private static void checkLists(CustomFieldDefinition definition, List<FieldProblem> problems) {
		List<String> values = definition.picklistValues();
		if (values.size() > MAX_PICKLIST_VALUES) {
			problems.add(new FieldProblem("picklistValues", "may have at most " + MAX_PICKLIST_VALUES + " values"));
		}
		else if (values.stream().anyMatch(v -> v.isBlank() || v.length() > MAX_LABEL || v.contains(CustomDefinitions.LIST_SEPARATOR))) {
			problems.add(new FieldProblem("picklistValues", "each value needs 1 to " + MAX_LABEL + " characters on one line"));
		}
		else if (String.join(CustomDefinitions.LIST_SEPARATOR, values).length() > MAX_JOINED_PICKLIST) {
			problems.add(new FieldProblem("picklistValues", "may hold at most " + MAX_JOINED_PICKLIST + " characters in all"));
		}
		if (String.join(CustomDefinitions.LIST_SEPARATOR, definition.referenceTo()).length() > MAX_JOINED_REFERENCES) {
			problems.add(new FieldProblem("referenceTo", "may name at most " + MAX_JOINED_REFERENCES + " characters of objects"));
		}
	}

	private static void checkLength(String field, String value, int max, List<FieldProblem> problems) {
		if (value != null && value.trim().length() > max) {
			problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
		}
	}

	private void checkType(CustomFieldDefinition definition, List<FieldProblem> problems) {
		FieldType type;
		try {
			type = FieldType.fromApiName(definition.type());
		}
		catch (IllegalArgumentException | NullPointerException e) {
			problems.add(new FieldProblem("type", "must be one of string, text, email, phone, number, boolean, date, datetime, picklist, reference"));
			return;
		}
		if (type == FieldType.ID) {
			problems.add(new FieldProblem("type", "a custom field cannot be of type id"));
		}
		if (type == FieldType.PICKLIST && definition.picklistValues().isEmpty()) {
			problems.add(new FieldProblem("picklistValues", "a picklist needs at least one value"));
		}
		if (type == FieldType.REFERENCE) {
			if (definition.referenceTo().isEmpty()) {
				problems.add(new FieldProblem("referenceTo", "a reference needs the object it points to"));
			}
			definition.referenceTo().stream().filter(o -> schema.find(o).isEmpty())
				.forEach(o -> problems.add(new FieldProblem("referenceTo", "unknown object '" + ApiNames.abbreviate(o) + "'")));
		}
	}

	/** An ASCII API name ending in {@code __c}, with no other double underscore, checked length first. */
	private static void checkName(String name, List<FieldProblem> problems) {
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem("name", "is required"));
		}
		else if (name.length() > ApiNames.MAX_LENGTH) {
			problems.add(new FieldProblem("name", "must be at most " + ApiNames.MAX_LENGTH + " characters"));
		}
		else if (!ApiNames.isValid(name) || !name.endsWith("__c") || name.length() == 3
				|| name.substring(0, name.length() - 3).contains("__") || name.endsWith("___c")) {
			problems.add(new FieldProblem("name", "'" + name + "' must start with a letter, use letters, digits and single underscores, and end in __c"));
		}
	}

	private static void failIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw CrmException.invalidDefinition(problems);
		}
	}
}
