package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CheckedPasswordsTests {

	private final SignInThrottleTests.MovableClock clock = new SignInThrottleTests.MovableClock();
	private final CheckedPasswords checked = new CheckedPasswords(clock);

	@Test
	void aVerifiedPasswordCountsOnlyForTheSameUserPasswordAndStoredHashUntilItExpires() {
		checked.remember("ann@example.com", "secret-1", "$2a$hash-1");

		assertThat(checked.matches("ann@example.com", "secret-1", "$2a$hash-1")).isTrue();
		assertThat(checked.matches("ann@example.com", "secret-2", "$2a$hash-1")).isFalse();
		assertThat(checked.matches("bob@example.com", "secret-1", "$2a$hash-1")).isFalse();
		assertThat(checked.matches("ann@example.com", "secret-1", "$2a$hash-after-a-password-change")).isFalse();
		clock.advance(CheckedPasswords.TTL.plus(Duration.ofSeconds(1)));
		assertThat(checked.matches("ann@example.com", "secret-1", "$2a$hash-1")).isFalse();
	}
}
