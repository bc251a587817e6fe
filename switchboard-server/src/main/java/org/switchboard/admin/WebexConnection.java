package org.switchboard.admin;

import java.time.Instant;

/**
 * The registered token as Webex last judged it. Kept in memory and refreshed on a schedule and whenever an admin looks
 * at the integration, so health checks read it without calling Webex.
 *
 * @param state what the last check found
 * @param checkedAt when (null before the first check)
 * @param detail Webex's answer in words, without the token
 */
public record WebexConnection(State state, Instant checkedAt, String detail) {

	public enum State {
		/** No registration: nothing to check, and nothing broken. */
		NOT_REGISTERED("Register with the access token of a Webex admin of your organisation."),
		/** Registered, not checked since the server started. */
		UNCHECKED("Checked within a minute of starting."),
		VALID(null),
		/** Webex answered 401: the token expired (personal access tokens last 12 hours) or was revoked. */
		REJECTED("Webex no longer accepts the registered token: it has expired (personal access tokens last 12 hours) or was revoked. "
				+ "Get a new token from developer.webex.com (or from your integration) and register it again."),
		/** No answer, or a server error: Webex may be down or unreachable from here. */
		UNREACHABLE("Webex did not answer as expected. Switchboard checks again every minute; if it persists, check this server's "
				+ "outbound network access to the Webex base URL.");

		private final String advice;

		State(String advice) {
			this.advice = advice;
		}

		/** What the admin should do about it (null when nothing). */
		public String advice() {
			return advice;
		}

		public boolean healthy() {
			return this != REJECTED && this != UNREACHABLE;
		}
	}

	static WebexConnection unchecked() {
		return new WebexConnection(State.UNCHECKED, null, null);
	}
}
