package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.switchboard.support.MovableClock;

class SignInThrottleTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
	private final SignInThrottle throttle = new SignInThrottle(clock, 5);

	@Test
	void anAccountIsLockedAfterFiveFailuresForLongerAfterEachFurtherOne() {
		fail("ann@example.com", "10.0.0.1", 5);
		assertThat(throttle.waitSeconds("ann@example.com", "10.0.0.2")).isZero();

		fail("ann@example.com", "10.0.0.1", 1);
		assertThat(throttle.waitSeconds("ANN@example.com ", "10.0.0.2")).isEqualTo(30);
		clock.advance(Duration.ofSeconds(30));
		fail("ann@example.com", "10.0.0.3", 1);
		assertThat(throttle.waitSeconds("ann@example.com", null)).isEqualTo(60);
		assertThat(throttle.waitSeconds("bob@example.com", "10.0.0.2")).isZero();
	}

	@Test
	void anAddressTryingManyAccountsIsLockedForAllOfThem() {
		for (int i = 0; i < 21; i++) {
			fail("user" + i + "@example.com", "10.0.0.9", 1);
		}
		assertThat(throttle.waitSeconds("someone@example.com", "10.0.0.9")).isEqualTo(30);
		assertThat(throttle.waitSeconds("someone@example.com", "10.0.0.8")).isZero();
	}

	@Test
	void aSuccessOrFifteenQuietMinutesClearTheAccount() {
		fail("ann@example.com", null, 6);
		throttle.succeeded("ann@example.com");
		fail("ann@example.com", null, 5);
		assertThat(throttle.waitSeconds("ann@example.com", null)).isZero();
		clock.advance(Duration.ofMinutes(16));
		fail("ann@example.com", null, 5);
		assertThat(throttle.waitSeconds("ann@example.com", null)).isZero();
	}

	@Test
	void theLockNeverExceedsFifteenMinutes() {
		fail("ann@example.com", null, 60);
		assertThat(throttle.waitSeconds("ann@example.com", null)).isEqualTo(15 * 60);
	}

	private void fail(String user, String address, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(user, address);
		}
	}
}
