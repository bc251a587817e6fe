package org.switchboard.meetings.scheduling;

import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webex.WebexApiException;

/** Webex's refusals as problems the user can act on, in Webex's own words. */
public final class WebexRefusals {

	private WebexRefusals() {
	}

	public static ProblemException problem(WebexApiException e) {
		if (e instanceof WebexApiException.Unauthorized) {
			return new ProblemException(409, "Webex token rejected",
					"Webex rejected your access token (it may have expired); sign in to Webex again");
		}
		if (e instanceof WebexApiException.RateLimited busy) {
			return new ProblemException(503, "Webex is busy", "Webex asks to wait " + busy.retryAfter().toSeconds() + " s before trying again");
		}
		if (e.status() >= 400 && e.status() < 500) {
			return new ProblemException(e.status() == 404 ? 404 : 400, "Webex refused", "Webex refused the request: " + reason(e));
		}
		return new ProblemException(502, "Webex unavailable", "Webex did not complete the request: " + reason(e));
	}

	public static String reason(WebexApiException e) {
		String described = String.join("; ", e.errors().stream().filter(d -> d != null && !d.isBlank()).toList());
		return described.isEmpty() ? e.getMessage() : described;
	}
}
