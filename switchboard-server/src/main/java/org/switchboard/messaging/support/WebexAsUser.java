package org.switchboard.messaging.support;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;

/**
 * Runs a Webex request with the user's own token. Webex's 404 (an id this token cannot see) becomes the caller's own
 * "not found"; every other refusal passes to the web edge, which answers it as in every feature.
 */
@Component
public class WebexAsUser {

	private final WebexAccounts accounts;

	WebexAsUser(WebexAccounts accounts) {
		this.accounts = accounts;
	}

	/** The user's token; a user not linked to Webex gets a 409 saying so. */
	public String token(String userId) {
		return accounts.tokenFor(userId).orElseThrow(() -> new ProblemException(Refusal.CONFLICT, "Not linked to Webex",
				"Your user is not linked to a Webex account, so Switchboard cannot use Webex messaging for you"));
	}

	/** The request's answer; Webex's 404 (an id this token cannot see) becomes {@code notFound}. */
	public <T> T call(String userId, Supplier<ProblemException> notFound, Function<String, T> request) {
		String token = token(userId);
		try {
			return request.apply(token);
		}
		catch (WebexApiException.NotFound e) {
			throw notFound.get();
		}
	}
}
