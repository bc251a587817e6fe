package org.switchboard.workspace.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

/**
 * Turns a submitted record form into field values and back: empty means null, an unticked box means false, and a
 * date-time is entered and shown in the user's time zone (an {@code <input type="datetime-local">} has none of its own).
 */
final class RecordForms {

	static final String CHECKBOX_MARKER = "_present_";
	private static final Pattern LOCAL_INPUT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
	private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
	/** ISO 8601 with an offset written {@code Z}, {@code +01:00} or (as Salesforce does) {@code +0100}. */
	static final DateTimeFormatter STORED = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.appendPattern("[XXX][XX]").toFormatter();

	private RecordForms() {
	}

	static Map<String, Object> values(ObjectDescription object, MultiValueMap<String, String> form, ZoneId zone) {
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
				values.put(field.name(), normalise(field, form.getFirst(field.name()), zone));
			}
		}
		return values;
	}

	/** The value as the form shows it again: a stored date-time as the local time in {@code zone}. */
	static String display(FieldDescription field, Object value, ZoneId zone) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (field.type() == FieldType.DATETIME) {
			try {
				return LOCAL_MINUTES.format(OffsetDateTime.parse(text, STORED).atZoneSameInstant(zone));
			}
			catch (DateTimeParseException e) {
				return text;
			}
		}
		return text;
	}

	private static String normalise(FieldDescription field, String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (field.type() == FieldType.DATETIME && LOCAL_INPUT.matcher(value).matches()) {
			// A time the zone skips (spring forward) moves on by the gap, as a wall clock would.
			return LocalDateTime.parse(value).atZone(zone).toInstant().toString();
		}
		return value;
	}
}
