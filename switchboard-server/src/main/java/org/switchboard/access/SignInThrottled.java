package org.switchboard.access;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the account or the client address; no password was checked. */
class SignInThrottled extends AuthenticationException {

	private final long retryAfterSeconds;

	SignInThrottled(long retryAfterSeconds) {
		super("Too many attempts, try again in " + retryAfterSeconds + " s.");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
