package dev.switchboard.salesforce.sandbox.http;

import java.util.List;
import java.util.Map;

/**
 * A refusal in Salesforce's shape: the REST API answers a JSON array of {@code {message, errorCode, fields}}
 * (reference §2.7); the OAuth endpoints answer {@code {error, error_description}} instead ({@link #oauth}).
 */
public class SfError extends RuntimeException {

	private final int status;
	private final List<Map<String, Object>> errors;
	private final boolean oauth;

	private SfError(int status, List<Map<String, Object>> errors, boolean oauth) {
		super(errors.isEmpty() ? "" : String.valueOf(errors.get(0).get("message")), null, false, false);
		this.status = status;
		this.errors = List.copyOf(errors);
		this.oauth = oauth;
	}

	public static SfError of(int status, String errorCode, String message, String... fields) {
		return new SfError(status, List.of(entry(errorCode, message, List.of(fields))), false);
	}

	public static SfError of(int status, List<Map<String, Object>> errors) {
		return new SfError(status, errors, false);
	}

	public static SfError oauth(int status, String error, String description) {
		return new SfError(status, List.of(Map.of("error", error, "error_description", description)), true);
	}

	public static Map<String, Object> entry(String errorCode, String message, List<String> fields) {
		return Map.of("message", message, "errorCode", errorCode, "fields", List.copyOf(fields));
	}

	public int status() {
		return status;
	}

	public List<Map<String, Object>> errors() {
		return errors;
	}

	public String errorCode() {
		return String.valueOf(errors.get(0).get(oauth ? "error" : "errorCode"));
	}

	/** The body Salesforce sends: the array, or for OAuth the single object. */
	public Object body() {
		return oauth ? errors.get(0) : errors;
	}
}
