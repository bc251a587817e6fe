package dev.switchboard.salesforce.sandbox.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field as describe reports it. {@code type} is Salesforce's describe type (string, textarea, email, phone,
 * url, int, double, currency, percent, boolean, date, datetime, picklist, combobox, reference, id).
 */
public record FieldSpec(String name, String type, boolean required, boolean computed, List<String> referenceTo,
		List<String> picklistValues, String defaultValue, boolean nameField) {

	static final List<String> SYSTEM = List.of("Id", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate",
			"LastModifiedById", "SystemModstamp");

	public boolean createable() {
		return !computed && !SYSTEM.contains(name);
	}

	public boolean numeric() {
		return List.of("int", "double", "currency", "percent").contains(type);
	}

	public boolean textual() {
		return List.of("string", "textarea", "email", "phone", "url", "combobox", "picklist").contains(type);
	}

	/** The relationship name of a reference ({@code AccountId} → {@code Account}). */
	public String relationshipName() {
		return "reference".equals(type) && name.endsWith("Id") ? name.substring(0, name.length() - 2) : null;
	}

	Map<String, Object> describe() {
		Map<String, Object> field = new LinkedHashMap<>();
		field.put("name", name);
		field.put("label", label(name));
		field.put("type", type);
		field.put("length", textual() ? ("textarea".equals(type) ? 32000 : "phone".equals(type) ? 40 : 255) : 0);
		field.put("custom", name.endsWith("__c"));
		field.put("nillable", !required && !"boolean".equals(type));
		field.put("createable", createable());
		field.put("updateable", createable());
		field.put("defaultedOnCreate", defaultValue != null || SYSTEM.contains(name) || computed || "OwnerId".equals(name)
				|| "boolean".equals(type));
		field.put("nameField", nameField);
		field.put("referenceTo", referenceTo);
		field.put("relationshipName", relationshipName());
		field.put("polymorphicForeignKey", referenceTo.size() > 1);
		field.put("picklistValues", picklistValues.stream().map(v -> Map.of("value", v, "label", v, "active", true,
				"defaultValue", v.equals(defaultValue), "validFor", "")).toList());
		field.put("restrictedPicklist", "picklist".equals(type));
		return field;
	}

	static String label(String apiName) {
		String base = apiName.endsWith("Id") && apiName.length() > 2 ? apiName.substring(0, apiName.length() - 2) : apiName;
		return base.replaceAll("([a-z])([A-Z])", "$1 $2");
	}
}
