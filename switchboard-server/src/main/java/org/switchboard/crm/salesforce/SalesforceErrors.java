package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.crm.CrmException;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.Refusal;

/** Turns Salesforce's error arrays into the port's errors: field problems, 404, 409, or a clear 503 for a busy org. */
final class SalesforceErrors {

	private static final Pattern NO_SUCH_COLUMN = Pattern.compile("No such column '([^']+)'");

	private SalesforceErrors() {
	}

	static CrmException toCrm(String object, String id, SalesforceApiException e) {
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
			return CrmException.invalidFields(object, problems("", e.errors()));
		}
		if (e.status() == 403) {
			return CrmException.refused(Refusal.NOT_PERMITTED, "Refused by Salesforce", e.code() + ": " + first(e) + " — check the integration user's permissions");
		}
		return CrmException.refused(Refusal.UPSTREAM_FAILED, "Salesforce error", "Salesforce answered " + e.status() + " " + e.code() + ": " + first(e));
	}

	/** The problems of one record, each named by field (prefixed e.g. {@code [3].} in a batch). */
	static List<FieldProblem> problems(String prefix, List<SalesforceApiException.Error> errors) {
		List<FieldProblem> problems = new ArrayList<>();
		for (SalesforceApiException.Error error : errors) {
			List<String> fields = error.fields();
			if (fields.isEmpty()) {
				Matcher column = NO_SUCH_COLUMN.matcher(error.message());
				fields = List.of(column.find() ? column.group(1) : "record");
			}
			for (String field : fields) {
				problems.add(new FieldProblem(prefix + field, error.message() + " (" + error.code() + ")"));
			}
		}
		return problems;
	}

	private static String first(SalesforceApiException e) {
		return e.errors().isEmpty() ? "" : e.errors().get(0).message();
	}
}
