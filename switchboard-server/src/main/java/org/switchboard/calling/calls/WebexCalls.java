package org.switchboard.calling.calls;

import java.util.function.Function;

import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;

/** Runs a call-control request as the user, turning Webex's refusals into problems the user can act on. */
final class WebexCalls {

	private WebexCalls() {
	}

	static <T> T asUser(WebexAccounts accounts, String userId, Function<String, T> request) {
		String token = accounts.tokenFor(userId).orElseThrow(() -> new ProblemException(409, "Not linked to Webex",
				"Your user is not linked to a Webex account, so Switchboard cannot place or control calls for you"));
		try {
			return request.apply(token);
		}
		catch (WebexApiException.Unauthorized e) {
			throw new ProblemException(409, "Webex token rejected",
					"Webex rejected your access token (it may have expired); link your Webex account again");
		}
		catch (WebexApiException.NotFound e) {
			throw ProblemException.notFound("Webex no longer has this call: " + e.getMessage());
		}
		catch (WebexApiException e) {
			if (e.status() == 400 || e.status() == 409) {
				throw new ProblemException(409, "Webex refused", "Webex refused the request: " + e.getMessage());
			}
			throw new ProblemException(502, "Webex unavailable", "Webex did not complete the request: " + e.getMessage());
		}
	}
}
