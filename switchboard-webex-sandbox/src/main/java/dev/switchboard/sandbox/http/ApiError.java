package dev.switchboard.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Webex-style error: the status and {@code {"message","errors":[{"description"}],"trackingId"}}. */
public class ApiError extends RuntimeException {

	private final int status;
	private final Map<String, String> headers = new LinkedHashMap<>();

	public ApiError(int status, String message) {
		super(message);
		this.status = status;
	}

	public static ApiError badRequest(String message) {
		return new ApiError(400, message);
	}

	public static ApiError notFound(String what) {
		return new ApiError(404, "The requested resource could not be found. " + what);
	}

	public static ApiError unauthorized() {
		return new ApiError(401, "The request requires a valid access token set in the Authorization request header.");
	}

	public ApiError withHeader(String name, String value) {
		headers.put(name, value);
		return this;
	}

	public int status() {
		return status;
	}

	public Map<String, String> headers() {
		return headers;
	}

	public Map<String, Object> body(String trackingId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", getMessage());
		body.put("errors", java.util.List.of(Map.of("description", getMessage())));
		body.put("trackingId", trackingId);
		return body;
	}
}
