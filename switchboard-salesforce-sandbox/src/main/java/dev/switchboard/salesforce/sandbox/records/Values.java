package dev.switchboard.salesforce.sandbox.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.schema.FieldSpec;
import tools.jackson.databind.JsonNode;

/** Turns a JSON value sent for a field into the stored value, refusing it with Salesforce's error codes. */
final class Values {

	static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private Values() {
	}

	static String now(Instant instant) {
		return DATETIME.format(instant);
	}

	/** The stored value, or an error entry in {@code problems} and null. */
	static Object convert(FieldSpec field, JsonNode value, List<Map<String, Object>> problems) {
		if (value == null || value.isNull()) {
			return null;
		}
		String name = field.name();
		if (!value.isValueNode()) {
			return fail(problems, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + field.type() + " from " + value.getNodeType()
					+ " value for field " + name, name);
		}
		String text = value.asString();
		switch (field.type()) {
			case "boolean" -> {
				if (value.isBoolean() || "true".equals(text) || "false".equals(text)) {
					return Boolean.valueOf(text);
				}
				return fail(problems, "JSON_PARSER_ERROR", "Cannot deserialize instance of boolean from VALUE_STRING value " + text
						+ " or request may be missing a required field", name);
			}
			case "int", "double", "currency", "percent" -> {
				try {
					return value.isNumber() ? value.decimalValue() : new BigDecimal(text);
				}
				catch (NumberFormatException e) {
					return fail(problems, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + field.type() + " from VALUE_STRING value "
							+ text + " or request may be missing a required field", name);
				}
			}
			case "date" -> {
				try {
					return LocalDate.parse(text).toString();
				}
				catch (DateTimeParseException e) {
					return fail(problems, "JSON_PARSER_ERROR", "Cannot deserialize instance of date from VALUE_STRING value " + text
							+ " or request may be missing a required field", name);
				}
			}
			case "datetime" -> {
				try {
					return DATETIME.format(OffsetDateTime.parse(text.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")));
				}
				catch (DateTimeParseException e) {
					return fail(problems, "JSON_PARSER_ERROR", "Cannot deserialize instance of datetime from VALUE_STRING value " + text
							+ " or request may be missing a required field", name);
				}
			}
			default -> {
				return textual(field, text, problems);
			}
		}
	}

	private static Object textual(FieldSpec field, String text, List<Map<String, Object>> problems) {
		int limit = "textarea".equals(field.type()) ? 32_000 : "phone".equals(field.type()) ? 40 : 255;
		if (text.length() > limit) {
			return fail(problems, "STRING_TOO_LONG", field.name() + ": data value too large: " + text.substring(0, 20) + "… (max length=" + limit + ")",
					field.name());
		}
		if ("email".equals(field.type()) && !text.isEmpty() && !EMAIL.matcher(text).matches()) {
			return fail(problems, "INVALID_EMAIL_ADDRESS", field.name() + ": invalid email address: " + text, field.name());
		}
		if ("picklist".equals(field.type()) && !field.picklistValues().contains(text)) {
			return fail(problems, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "bad value for restricted picklist field: " + text, field.name());
		}
		return text.isEmpty() ? null : text;
	}

	private static Object fail(List<Map<String, Object>> problems, String code, String message, String field) {
		problems.add(SfError.entry(code, message, List.of(field)));
		return null;
	}
}
