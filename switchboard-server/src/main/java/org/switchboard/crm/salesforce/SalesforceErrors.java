package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.crm.CrmException;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.Refusal;

/** Turns Salesforce's error arrays into the port's errors: field problems, 404, 409, or a clear 503 for a busy org. */
final class SalesforceErrors {

	private static final Pattern NO_SUCH_COLUMN = Pattern.compile("No such column '([^']+)'");
	private static final Pattern MAX_LENGTH = Pattern.compile("max length=(\\d+)");
	private static final java.util.Set<String> NOT_VISIBLE = java.util.Set.of("INVALID_FIELD");
	private static final java.util.Set<String> NOT_EDITABLE = java.util.Set.of("INVALID_FIELD_FOR_INSERT_UPDATE", "FIELD_NOT_UPDATEABLE",
			"INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY");

	private SalesforceErrors() {
	}

	static CrmException toCrm(String object, String id, SalesforceApiException e) {
		return toCrm(object, id, e, Map.of());
	}

	/** As {@link #toCrm(String, String, SalesforceApiException)}, knowing the values sent (for the lengths of too long ones). */
	static CrmException toCrm(String object, String id, SalesforceApiException e, Map<String, Object> values) {
		if (e.transientFailure()) {
			return CrmException.unavailable("Salesforce busy", "Salesforce did not complete the request after retrying (" + e.code()
					+ (e.code().equals("REQUEST_LIMIT_EXCEEDED") ? ": the org's API request allocation is used up" : "") + "). Try again shortly.");
		}
		if (e.status() == 404 || "ENTITY_IS_DELETED".equals(e.code())) {
			return CrmException.notFound(object, id);
		}
		if ("DUPLICATE_VALUE".equals(e.code()) && e.errors().get(0).fields().isEmpty()) {
			return CrmException.duplicate("This " + object + " (" + e.errors().get(0).message() + ")");
		}
		if (e.status() == 400) {
			return CrmException.invalidFields(object, problems(object, "", e.errors(), values));
		}
		if (e.status() == 403) {
			return CrmException.refused(Refusal.NOT_PERMITTED, "Refused by Salesforce", e.code() + ": " + first(e) + " — check the integration user's permissions");
		}
		return CrmException.refused(Refusal.UPSTREAM_FAILED, "Salesforce error", "Salesforce answered " + e.status() + " " + e.code() + ": " + first(e));
	}

	/**
	 * The problems of one record in the port's words, one per field (prefixed e.g. {@code [3].} in a batch):
	 * {@code STRING_TOO_LONG} reads as the embedded store's "is too long (n characters, at most m)" ({@code values} are
	 * the values sent, for n), and a field the integration user cannot see or edit (field-level security) is named
	 * with its object and what to change in Setup.
	 */
	static List<FieldProblem> problems(String object, String prefix, List<SalesforceApiException.Error> errors, Map<String, Object> values) {
		Map<String, FieldProblem> problems = new LinkedHashMap<>();
		for (SalesforceApiException.Error error : errors) {
			List<String> fields = error.fields();
			if (fields.isEmpty()) {
				Matcher column = NO_SUCH_COLUMN.matcher(error.message());
				fields = List.of(column.find() ? column.group(1) : "record");
			}
			for (String field : fields) {
				problems.putIfAbsent(field, new FieldProblem(prefix + field, message(object, field, error, values.get(field))));
			}
		}
		return new ArrayList<>(problems.values());
	}

	/** A field Salesforce does not show the integration user: the port's words for it. */
	static FieldProblem invisibleField(String object, String field) {
		return new FieldProblem(field, "is not a field of " + object + " the Salesforce integration user can see: check its spelling, or give the "
				+ "user's profile or a permission set read access to " + object + "." + field + " in Setup (field-level security)");
	}

	private static String message(String object, String field, SalesforceApiException.Error error, Object value) {
		Matcher max = MAX_LENGTH.matcher(error.message());
		if ("STRING_TOO_LONG".equals(error.code()) && max.find() && value != null) {
			return "is too long (" + value.toString().length() + " characters, at most " + max.group(1) + ")";
		}
		if (NOT_VISIBLE.contains(error.code())) {
			return invisibleField(object, field).message();
		}
		if (NOT_EDITABLE.contains(error.code())) {
			return "cannot be set by the Salesforce integration user on " + object + ": give the user's profile or a permission set edit access to "
					+ object + "." + field + " in Setup (field-level security)";
		}
		return error.message() + " (" + error.code() + ")";
	}

	private static String first(SalesforceApiException e) {
		return e.errors().isEmpty() ? "" : e.errors().get(0).message();
	}
}
