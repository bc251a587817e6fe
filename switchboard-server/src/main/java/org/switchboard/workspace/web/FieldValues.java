package org.switchboard.workspace.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

/**
 * Values as a rep reads them: dates and times in the user's locale and zone, booleans as checkmarks, money and
 * numbers grouped, percentages with %, long text with its line breaks (the template keeps them), raw ISO never.
 */
final class FieldValues {

	private static final Set<String> MONEY = Set.of("Amount", "AnnualRevenue", "ExpectedRevenue", "BudgetedCost", "ActualCost",
			"UnitPrice");
	private static final Set<String> PERCENT = Set.of("Probability");

	private final Locale locale;
	private final ZoneId zone;

	FieldValues(Locale locale, ZoneId zone) {
		this.locale = locale;
		this.zone = zone;
	}

	/** How a template shows a value: {@code kind} is text, longtext, phone, email, yes or no. */
	record Shown(String label, String value, String kind, String link) {

		public boolean phone() {
			return kind.equals("phone");
		}
	}

	Shown show(String label, FieldDescription field, Object value, String link) {
		if (value == null) {
			return new Shown(label, null, "text", link);
		}
		if (field == null) {
			return new Shown(label, value.toString(), "text", link);
		}
		return switch (field.type()) {
			case BOOLEAN -> Boolean.TRUE.equals(value) || "true".equals(value.toString()) ? new Shown(label, "Yes", "yes", link)
					: new Shown(label, "No", "no", link);
			case DATE -> new Shown(label, date(value.toString()), "text", link);
			case DATETIME -> new Shown(label, dateTime(value.toString()), "text", link);
			case NUMBER -> new Shown(label, number(field.name(), value), "text", link);
			case PHONE -> new Shown(label, value.toString(), "phone", link);
			case EMAIL -> new Shown(label, value.toString(), "email", link);
			case TEXT -> new Shown(label, value.toString(), "longtext", link);
			default -> new Shown(label, value.toString(), "text", link);
		};
	}

	public String dateTime(String iso) {
		try {
			return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone)
				.format(Instant.parse(iso));
		}
		catch (DateTimeParseException e) {
			return iso;
		}
	}

	public String date(String iso) {
		try {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(LocalDate.parse(iso));
		}
		catch (DateTimeParseException e) {
			return iso;
		}
	}

	private String number(String field, Object value) {
		BigDecimal number;
		try {
			number = new BigDecimal(value.toString());
		}
		catch (NumberFormatException e) {
			return value.toString();
		}
		if (MONEY.contains(field)) {
			NumberFormat money = NumberFormat.getCurrencyInstance(locale);
			money.setCurrency(Currency.getInstance("USD"));
			money.setMaximumFractionDigits(number.scale() > 0 ? 2 : 0);
			return money.format(number);
		}
		if (PERCENT.contains(field)) {
			return NumberFormat.getIntegerInstance(locale).format(number) + " %";
		}
		NumberFormat plain = NumberFormat.getNumberInstance(locale);
		plain.setMaximumFractionDigits(Math.max(0, Math.min(number.scale(), 6)));
		return plain.format(number);
	}

	/** The field a path such as {@code Account.Owner.Name} ends at, or empty when a step is unknown or polymorphic. */
	static Optional<FieldDescription> fieldAt(CrmSchema schema, ObjectDescription object, String path) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			return object.field(path);
		}
		return object.relationship(path.substring(0, dot)).filter(r -> r.referenceTo().size() == 1)
			.flatMap(r -> schema.find(r.referenceTo().get(0)))
			.flatMap(target -> fieldAt(schema, target, path.substring(dot + 1)));
	}

	static boolean isReference(FieldDescription field) {
		return field.type() == FieldType.REFERENCE;
	}
}
