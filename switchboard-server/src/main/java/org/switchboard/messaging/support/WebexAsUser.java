package org.switchboard.messaging.support;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;

/** Runs a Webex request with the user's own token, turning Webex's refusals into problems the user can act on. */
@Component
public class WebexAsUser {

	private final WebexAccounts accounts;

	WebexAsUser(WebexAccounts accounts) {
		this.accounts = accounts;
	}

	/** The user's token; a user not linked to Webex gets a 409 saying so. */
	public String token(String userId) {
		return accounts.tokenFor(userId).orElseThrow(() -> new ProblemException(409, "Not linked to Webex",
				"Your user is not linked to a Webex account, so Switchboard cannot use Webex messaging for you"));
	}

	/** The request's answer; Webex's 404 (an id this token cannot see) becomes {@code notFound}. */
	public <T> T call(String userId, Supplier<ProblemException> notFound, Function<String, T> request) {
		String token = token(userId);
		try {
			return request.apply(token);
		}
		catch (WebexApiException e) {
			throw problem(e, notFound);
		}
	}

	public static ProblemException problem(WebexApiException e, Supplier<ProblemException> notFound) {
		if (e instanceof WebexApiException.NotFound) {
			return notFound.get();
		}
		if (e instanceof WebexApiException.Unauthorized) {
			return new ProblemException(409, "Webex token rejected",
					"Webex rejected your access token (it may have expired); link your Webex account again");
		}
		if (e instanceof WebexApiException.RateLimited busy) {
			return new ProblemException(503, "Webex is busy", "Webex asks to wait " + busy.retryAfter().toSeconds() + " s before trying again");
		}
		if (e.status() >= 400 && e.status() < 500) {
			return new ProblemException(e.status() == 413 ? 413 : 400, "Webex refused", "Webex refused the request: " + reason(e));
		}
		return new ProblemException(502, "Webex unavailable", "Webex did not complete the request: " + reason(e));
	}

	/** Webex's own words for a refusal: its error descriptions, else its message. */
	public static String reason(WebexApiException e) {
		String described = String.join("; ", e.errors().stream().filter(d -> d != null && !d.isBlank()).toList());
		return described.isEmpty() ? e.getMessage() : described;
	}
}
