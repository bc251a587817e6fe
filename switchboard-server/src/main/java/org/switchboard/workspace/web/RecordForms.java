package org.switchboard.workspace.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

/** Turns a submitted record form into field values: empty means null, an unticked box means false. */
final class RecordForms {

	static final String CHECKBOX_MARKER = "_present_";

	private RecordForms() {
	}

	static Map<String, Object> values(ObjectDescription object, MultiValueMap<String, String> form) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (FieldDescription field : object.fields()) {
			if (!field.updateable()) {
				continue;
			}
			if (field.type() == FieldType.BOOLEAN) {
				if (form.containsKey(CHECKBOX_MARKER + field.name())) {
					values.put(field.name(), form.containsKey(field.name()));
				}
			}
			else if (form.containsKey(field.name())) {
				values.put(field.name(), normalise(field, form.getFirst(field.name())));
			}
		}
		return values;
	}

	/** The value as the form shows it again. */
	static String display(FieldDescription field, Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (field.type() == FieldType.DATETIME && text.length() >= 16) {
			return text.substring(0, 16);
		}
		return text;
	}

	private static String normalise(FieldDescription field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		// <input type="datetime-local"> sends 2026-11-25T10:00 without a zone; the product keeps UTC.
		if (field.type() == FieldType.DATETIME && value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
			return value + ":00Z";
		}
		return value;
	}
}
