package org.switchboard.notifications.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.switchboard.webex.WebexApiException;

/** When to try again after a failed attempt: exponential with jitter, never sooner than a 429's Retry-After. */
final class Backoff {

	private Backoff() {
	}

	static Duration after(int attempt, RuntimeException failure, NotificationProperties properties) {
		long base = properties.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, properties.maxBackoff().toMillis());
		Duration wait = Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
		if (failure instanceof WebexApiException.RateLimited limited && limited.retryAfter() != null
				&& limited.retryAfter().compareTo(wait) > 0) {
			return limited.retryAfter();
		}
		return wait;
	}

	/** 429, 423, 5xx and no answer may pass; anything else (bad request, token revoked, not a member) needs a person. */
	static boolean worthRetrying(RuntimeException failure) {
		if (failure instanceof WebexApiException webex) {
			int status = webex.status();
			return status == 0 || status == 429 || status == 423 || status >= 500;
		}
		return true;
	}
}
