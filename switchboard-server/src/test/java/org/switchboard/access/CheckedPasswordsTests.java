package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.switchboard.support.MovableClock;

class CheckedPasswordsTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
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
