package org.switchboard.crm.embedded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.names.ApiNames;

/**
 * Checks values supplied for a write against the object's describe and converts them to the stored form:
 * strings, BigDecimal numbers, Booleans, ISO dates ({@code 2026-11-25}) and instants ({@code 2026-11-25T10:00:00Z}).
 */
public final class FieldValueConverter {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	private static final int STRING_LIMIT = 255;
	private static final int TEXT_LIMIT = 32_000;
	private static final int EMAIL_LIMIT = 80;
	/** Salesforce's sizes for the parts of a person's name, so Salutation + FirstName + LastName fit the Name column. */
	private static final Map<String, Integer> FIELD_LIMITS = Map.of("FirstName", 40, "MiddleName", 40, "LastName", 80);

	private FieldValueConverter() {
	}

	/** Converted values keyed by canonical field name; every problem found is added to {@code problems}. */
	public static Map<String, Object> convert(ObjectDescription object, Map<String, Object> input, List<FieldProblem> problems) {
		Map<String, Object> converted = new LinkedHashMap<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		input.forEach((name, value) -> {
			FieldDescription field = object.field(name).orElse(null);
			if (field == null) {
				String shown = ApiNames.abbreviate(name);
				problems.add(new FieldProblem(shown, "unknown field '" + shown + "' on " + object.name()));
			}
			else if (!seen.add(field.name())) {
				problems.add(new FieldProblem(field.name(), "is given twice (as '" + ApiNames.abbreviate(name) + "' too)"));
			}
			else if (!field.updateable()) {
				problems.add(new FieldProblem(field.name(), "is read-only"));
			}
			else {
				try {
					converted.put(field.name(), convert(field, value));
				}
				catch (IllegalArgumentException e) {
					problems.add(new FieldProblem(field.name(), e.getMessage()));
				}
			}
		});
		return converted;
	}

	static Object convert(FieldDescription field, Object value) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			return null;
		}
		return switch (field.type()) {
			case STRING, PHONE -> limited(text(value), FIELD_LIMITS.getOrDefault(field.name(), STRING_LIMIT));
			case TEXT -> limited(text(value), TEXT_LIMIT);
			case EMAIL -> email(value);
			case NUMBER -> number(value);
			case BOOLEAN -> bool(value);
			case DATE -> date(value);
			case DATETIME -> dateTime(value);
			case PICKLIST -> picklist(field, value);
			case REFERENCE -> text(value).trim();
			case ID -> throw new IllegalArgumentException("is read-only");
		};
	}

	private static String text(Object value) {
		if (value instanceof String s) {
			return s;
		}
		throw new IllegalArgumentException("must be text, not " + describe(value));
	}

	private static String limited(String text, int limit) {
		if (text.length() > limit) {
			throw new IllegalArgumentException("is too long (" + text.length() + " characters, at most " + limit + ")");
		}
		return text;
	}

	private static String email(Object value) {
		String text = limited(text(value).trim(), EMAIL_LIMIT);
		if (!EMAIL.matcher(text).matches()) {
			throw new IllegalArgumentException("'" + abbreviate(text) + "' is not an email address");
		}
		return text;
	}

	private static BigDecimal number(Object value) {
		if (value instanceof Number n) {
			return new BigDecimal(n.toString());
		}
		if (value instanceof String s) {
			try {
				return new BigDecimal(s.trim());
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("'" + abbreviate(s) + "' is not a number");
			}
		}
		throw new IllegalArgumentException("must be a number, not " + describe(value));
	}

	private static Boolean bool(Object value) {
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof String s && (ApiNames.equalsIgnoreAsciiCase(s, "true") || ApiNames.equalsIgnoreAsciiCase(s, "false"))) {
			return ApiNames.equalsIgnoreAsciiCase(s, "true");
		}
		throw new IllegalArgumentException("must be true or false, not " + describe(value));
	}

	private static String date(Object value) {
		try {
			return LocalDate.parse(text(value).trim()).toString();
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("'" + abbreviate(value.toString()) + "' is not a date like 2026-11-25");
		}
	}

	private static String dateTime(Object value) {
		String text = text(value).trim();
		try {
			return OffsetDateTime.parse(text).toInstant().toString();
		}
		catch (DateTimeParseException e) {
			try {
				return Instant.parse(text).toString();
			}
			catch (DateTimeParseException again) {
				throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a date-time like 2026-11-25T10:00:00Z");
			}
		}
	}

	private static String picklist(FieldDescription field, Object value) {
		String text = text(value).trim();
		return field.picklistValues().stream().filter(v -> ApiNames.equalsIgnoreAsciiCase(v, text)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("'" + abbreviate(text) + "' is not one of " + field.picklistValues()));
	}

	private static String describe(Object value) {
		return value instanceof Map ? "an object" : value instanceof List ? "a list"
				: value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
	}

	private static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}
}
