package dev.switchboard.sandbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps as Webex writes them: ISO 8601 UTC with milliseconds, e.g. 2026-11-25T10:00:00.000Z. */
public final class Clock {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(java.time.ZoneOffset.UTC);

	private Clock() {
	}

	public static String now() {
		return format(Instant.now());
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}
}
