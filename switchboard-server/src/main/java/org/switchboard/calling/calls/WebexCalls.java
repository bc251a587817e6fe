package org.switchboard.calling.calls;

import java.util.function.Function;

import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;

/**
 * Runs a call-control request as the user. A call Webex no longer has is a 404 saying so; every other refusal passes to
 * the web edge, which answers it as in every feature.
 */
final class WebexCalls {

	private WebexCalls() {
	}

	static <T> T asUser(WebexAccounts accounts, String userId, Function<String, T> request) {
		String token = accounts.tokenFor(userId).orElseThrow(() -> new ProblemException(Refusal.CONFLICT, "Not linked to Webex",
				"Your user is not linked to a Webex account, so Switchboard cannot place or control calls for you"));
		try {
			return request.apply(token);
		}
		catch (WebexApiException.NotFound e) {
			throw ProblemException.notFound("Webex no longer has this call: " + e.reason());
		}
	}
}
