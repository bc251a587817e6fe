package org.switchboard.webex.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header: delta seconds or an HTTP date. Anything else (Webex once sent
 * {@code rand(30),add(30)}) gives the fallback; the result is at least one second.
 */
final class RetryAfter {

	private static final Duration MINIMUM = Duration.ofSeconds(1);

	private RetryAfter() {
	}

	static Duration parse(String header, Duration fallback, Instant now) {
		if (header == null || header.isBlank()) {
			return fallback;
		}
		String value = header.trim();
		try {
			return atLeastMinimum(Duration.ofSeconds(Long.parseLong(value)));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return atLeastMinimum(Duration.between(now, at));
			}
			catch (DateTimeParseException notADate) {
				return fallback;
			}
		}
	}

	private static Duration atLeastMinimum(Duration wait) {
		return wait.compareTo(MINIMUM) < 0 ? MINIMUM : wait;
	}
}
