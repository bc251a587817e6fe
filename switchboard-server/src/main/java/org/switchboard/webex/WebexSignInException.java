package org.switchboard.webex;

/** A Webex sign-in that could not be completed, with a message the user can act on; nothing was stored. */
public class WebexSignInException extends RuntimeException {

	private final Reason reason;

	public WebexSignInException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** Why it failed. */
	public enum Reason {
		/** The admin has not set the integration or the public base URL. */
		NOT_CONFIGURED,
		/** Webex refused the integration's client id or secret. */
		CLIENT_REFUSED,
		/** Webex refused the code (expired, used, or for another redirect URI). */
		CODE_REFUSED,
		/** The tokens belong to a bot, not a person. */
		NOT_A_PERSON,
		/** The Webex person is already connected to another user. */
		TAKEN,
		/** Webex could not be reached or failed. */
		UNAVAILABLE
	}
}
