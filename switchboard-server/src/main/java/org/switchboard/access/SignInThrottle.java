package org.switchboard.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per account and per client address. After {@code free} failures in a row each further failure
 * locks the account (or address) for twice as long as the last, from 30 s up to 15 minutes; a success clears the
 * account, and failures older than 15 minutes are forgotten. Addresses get more room ({@code 4 × free}): several
 * people may share one.
 */
@Component
class SignInThrottle {

	private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
	private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
	private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
	private static final int MAX_TRACKED = 100_000;

	private final Clock clock;
	private final int free;
	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	SignInThrottle(Clock clock, @Value("${switchboard.sign-in.free-attempts:5}") int free) {
		this.clock = clock;
		this.free = free;
	}

	/** Seconds until the account or address may try again, 0 if it may now. */
	long waitSeconds(String username, String address) {
		Instant now = clock.instant();
		long account = remaining(failures.get(accountKey(username)), now);
		long client = address == null ? 0 : remaining(failures.get(addressKey(address)), now);
		return Math.max(account, client);
	}

	void failed(String username, String address) {
		if (failures.size() > MAX_TRACKED) {
			Instant now = clock.instant();
			failures.values().removeIf(f -> f.lockedUntil.plus(FORGET_AFTER).isBefore(now));
		}
		record(accountKey(username), free);
		if (address != null) {
			record(addressKey(address), free * 4);
		}
	}

	void succeeded(String username) {
		failures.remove(accountKey(username));
	}

	private void record(String key, int allowed) {
		Instant now = clock.instant();
		failures.compute(key, (k, before) -> {
			boolean fresh = before != null && before.lastFailure.plus(FORGET_AFTER).isAfter(now);
			int count = fresh ? before.count + 1 : 1;
			if (count <= allowed) {
				return new Failures(count, now, now);
			}
			long factor = 1L << Math.min(count - allowed - 1, 20);
			Duration lock = FIRST_LOCK.multipliedBy(factor);
			return new Failures(count, now, now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock));
		});
	}

	private static long remaining(Failures f, Instant now) {
		if (f == null || !f.lockedUntil.isAfter(now)) {
			return 0;
		}
		return Math.max(1, (Duration.between(now, f.lockedUntil).toMillis() + 999) / 1000);
	}

	private static String accountKey(String username) {
		return "u:" + String.valueOf(username).trim().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "a:" + address;
	}

	private record Failures(int count, Instant lastFailure, Instant lockedUntil) {
	}
}
