package org.switchboard.crm.salesforce;

import java.util.List;

/** A REST call Salesforce answered with an error array. */
class SalesforceApiException extends RuntimeException {

	/** One entry of Salesforce's error array ({@code errorCode}, or {@code statusCode} inside Collections results). */
	record Error(String code, String message, List<String> fields) {
	}

	private final int status;
	private final List<Error> errors;

	SalesforceApiException(int status, List<Error> errors) {
		super(status + " " + (errors.isEmpty() ? "" : errors.get(0).code()), null, false, false);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	int status() {
		return status;
	}

	List<Error> errors() {
		return errors;
	}

	String code() {
		return errors.isEmpty() ? "HTTP_" + status : errors.get(0).code();
	}

	boolean transientFailure() {
		return status == 503 || List.of("REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE").contains(code());
	}
}
