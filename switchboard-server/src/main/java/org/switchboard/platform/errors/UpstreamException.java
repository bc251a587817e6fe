package org.switchboard.platform.errors;

import java.time.Duration;

/**
 * A service Switchboard calls (Webex, later Salesforce) refused a request or did not answer. Services let it pass (or
 * catch the failures they can act on); the web edge alone chooses the HTTP answer, the same for every feature.
 */
public abstract class UpstreamException extends RuntimeException {

	/** What went wrong, independent of the service's own status codes. */
	public enum Failure {
		/** The access token was rejected (expired or revoked). */
		CREDENTIALS_REJECTED,
		/** The id is unknown to the service or not visible to this token. */
		NOT_FOUND,
		/** The service asks to wait ({@link #retryAfter()}). */
		RATE_LIMITED,
		/** The content is larger than the service accepts. */
		TOO_LARGE,
		/** The service understood the request and refused it (its other 4xx answers). */
		REFUSED,
		/** No answer, or a server error. */
		UNAVAILABLE
	}

	protected UpstreamException(String message) {
		super(message);
	}

	/** The service's name as users know it ("Webex"). */
	public abstract String service();

	public abstract Failure failure();

	/** The service's own words for the failure, for the user; never a token. */
	public abstract String reason();

	/** How long the service asked to wait, when it did; null otherwise. */
	public Duration retryAfter() {
		return null;
	}
}
