package dev.switchboard.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's time: the system clock plus a shift that only grows. Time keeps running (the sandbox's timers still
 * fire), and a test that needs time to have passed, e.g. a call that lasted seconds, moves it forward instead of
 * sleeping. Not itself a {@link java.time.Clock}, so registering it as a Spring bean adds no second Clock bean.
 */
public final class SandboxTime {

	private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);
	private final java.time.Clock clock = new Shifted();

	/** Moves the sandbox's time forward; a negative amount is refused, since Webex's timestamps never go backwards. */
	public void advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("Time only moves forward: " + by);
		}
		shift.updateAndGet(current -> current.plus(by));
	}

	/** The clock to hand to {@link SandboxOptions#withClock}. */
	public java.time.Clock clock() {
		return clock;
	}

	private final class Shifted extends java.time.Clock {

		@Override
		public Instant instant() {
			return Instant.now().plus(shift.get());
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
}
