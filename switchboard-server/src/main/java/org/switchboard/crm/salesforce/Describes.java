package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

import tools.jackson.databind.JsonNode;

/** Reads Salesforce's describe JSON into the port's object and field descriptions. */
final class Describes {

	private Describes() {
	}

	/** The object and the name of the field its records are shown by. */
	record Described(ObjectDescription object, String nameField) {
	}

	static Described read(JsonNode describe) {
		List<FieldDescription> fields = new ArrayList<>();
		String nameField = "Id";
		for (JsonNode f : describe.path("fields")) {
			List<String> referenceTo = new ArrayList<>();
			f.path("referenceTo").forEach(r -> referenceTo.add(r.asString()));
			List<String> picklist = new ArrayList<>();
			f.path("picklistValues").forEach(p -> {
				if (p.path("active").asBoolean(true)) {
					picklist.add(p.path("value").asString());
				}
			});
			boolean createable = f.path("createable").asBoolean(false);
			boolean required = createable && !f.path("nillable").asBoolean(true) && !f.path("defaultedOnCreate").asBoolean(false);
			String name = f.path("name").asString();
			fields.add(new FieldDescription(name, f.path("label").asString(name), type(f.path("type").asString()), f.path("custom").asBoolean(false),
					referenceTo, picklist, required, createable || f.path("updateable").asBoolean(false)));
			if (f.path("nameField").asBoolean(false)) {
				nameField = name;
			}
		}
		ObjectDescription object = new ObjectDescription(describe.path("name").asString(), describe.path("label").asString(),
				describe.path("labelPlural").asString(), describe.path("custom").asBoolean(false), describe.path("keyPrefix").asString(null), fields);
		return new Described(object, nameField);
	}

	static FieldType type(String salesforceType) {
		return switch (salesforceType) {
			case "id" -> FieldType.ID;
			case "textarea" -> FieldType.TEXT;
			case "email" -> FieldType.EMAIL;
			case "phone" -> FieldType.PHONE;
			case "int", "double", "currency", "percent", "long" -> FieldType.NUMBER;
			case "boolean" -> FieldType.BOOLEAN;
			case "date" -> FieldType.DATE;
			case "datetime" -> FieldType.DATETIME;
			case "picklist" -> FieldType.PICKLIST;
			case "reference" -> FieldType.REFERENCE;
			default -> FieldType.STRING;
		};
	}
}
