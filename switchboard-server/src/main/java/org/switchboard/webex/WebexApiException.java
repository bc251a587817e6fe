package org.switchboard.webex;

import java.time.Duration;
import java.util.List;

import org.switchboard.platform.errors.UpstreamException;

/**
 * Webex answered with an error. Carries the HTTP status, Webex's message and error descriptions, and the
 * tracking id Webex support asks for. Never carries a token. The web edge turns it into the same HTTP answer in every
 * feature through its {@link UpstreamException.Failure}.
 */
public class WebexApiException extends UpstreamException {

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

	@Override
	public String service() {
		return "Webex";
	}

	@Override
	public Failure failure() {
		return switch (status) {
			case 401 -> Failure.CREDENTIALS_REJECTED;
			case 404 -> Failure.NOT_FOUND;
			case 429 -> Failure.RATE_LIMITED;
			case 413 -> Failure.TOO_LARGE;
			default -> status >= 400 && status < 500 ? Failure.REFUSED : Failure.UNAVAILABLE;
		};
	}

	/** Webex's own words: its error descriptions, else its message. */
	@Override
	public String reason() {
		String described = String.join("; ", errors.stream().filter(d -> d != null && !d.isBlank()).toList());
		return described.isEmpty() ? getMessage() : described;
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

		@Override
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
