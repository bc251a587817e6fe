package org.switchboard.webex;

import java.time.Duration;
import java.util.List;

/**
 * Webex answered with an error. Carries the HTTP status, Webex's message and error descriptions, and the
 * tracking id Webex support asks for. Never carries a token.
 */
public class WebexApiException extends RuntimeException {

	private final int status;
	private final List<String> errors;
	private final String trackingId;

	public WebexApiException(int status, String message, List<String> errors, String trackingId) {
		super("Webex answered " + status + (message == null || message.isBlank() ? "" : ": " + message)
				+ (trackingId == null ? "" : " (TrackingID " + trackingId + ")"));
		this.status = status;
		this.errors = List.copyOf(errors);
		this.trackingId = trackingId;
	}

	public int status() {
		return status;
	}

	public List<String> errors() {
		return errors;
	}

	public String trackingId() {
		return trackingId;
	}

	/** 404: the id is unknown to Webex or not visible to this token. */
	public static class NotFound extends WebexApiException {

		public NotFound(String message, List<String> errors, String trackingId) {
			super(404, message, errors, trackingId);
		}
	}

	/** 401: the token is missing, wrong, or expired (personal tokens last 12 hours). */
	public static class Unauthorized extends WebexApiException {

		public Unauthorized(String message, List<String> errors, String trackingId) {
			super(401, message, errors, trackingId);
		}
	}

	/** 429 after every retry: Webex still asks to wait. */
	public static class RateLimited extends WebexApiException {

		private final Duration retryAfter;

		public RateLimited(String message, List<String> errors, String trackingId, Duration retryAfter) {
			super(429, message, errors, trackingId);
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return retryAfter;
		}
	}

	/** The request never got an answer (connection refused, timeout). */
	public static class Unreachable extends WebexApiException {

		public Unreachable(String message) {
			super(0, message, List.of(), null);
		}
	}
}
