package dev.switchboard.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves forward instead of sleeping; thread-safe, since the sandbox reads it on its own threads. */
final class AdjustableClock extends java.time.Clock {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));

	void advance(Duration by) {
		now.updateAndGet(at -> at.plus(by));
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public java.time.Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("UTC only");
	}
}
