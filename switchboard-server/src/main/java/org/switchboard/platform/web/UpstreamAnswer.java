package org.switchboard.platform.web;

import org.switchboard.platform.errors.UpstreamException;

/**
 * The one HTTP answer to a failure of a service Switchboard calls, whichever feature met it: a rejected token 409 (link
 * the account again), an unknown id 404, a request to wait 503 with {@code Retry-After}, too large 413, any other refusal
 * 409 with the service's reason, no answer or a server error 502.
 */
record UpstreamAnswer(int status, String title, String detail, Long retryAfterSeconds) {

	static UpstreamAnswer of(UpstreamException e) {
		String service = e.service();
		return switch (e.failure()) {
			case CREDENTIALS_REJECTED -> new UpstreamAnswer(409, service + " token rejected",
					service + " rejected your access token (it may have expired or been revoked); connect your " + service + " account again", null);
			case NOT_FOUND -> new UpstreamAnswer(404, "Not found", service + " does not know it, or does not show it to you: " + e.reason(), null);
			case RATE_LIMITED -> busy(e);
			case TOO_LARGE -> new UpstreamAnswer(413, "Too large for " + service, service + " refused it as too large: " + e.reason(), null);
			case REFUSED -> new UpstreamAnswer(409, service + " refused", service + " refused the request: " + e.reason(), null);
			case UNAVAILABLE -> new UpstreamAnswer(502, service + " unavailable", service + " did not complete the request: " + e.reason(), null);
		};
	}

	private static UpstreamAnswer busy(UpstreamException e) {
		Long seconds = e.retryAfter() == null ? null : Math.max(1, e.retryAfter().toSeconds());
		return new UpstreamAnswer(503, e.service() + " is busy",
				e.service() + " asks to wait" + (seconds == null ? "" : " " + seconds + " s") + " before trying again", seconds);
	}
}
