package org.switchboard.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Remembers, for a few minutes, that a username and password matched a stored bcrypt hash, so repeated HTTP Basic
 * calls do not pay bcrypt's cost each time. Entries are keyed by an HMAC-SHA256 of username and password under a
 * random key that lives only in this process (the password itself is never kept), and hold the hash they were
 * checked against: after a password change the stored hash differs and the entry no longer counts.
 */
@Component
class CheckedPasswords {

	static final Duration TTL = Duration.ofMinutes(5);
	private static final int MAX_ENTRIES = 10_000;

	private final Clock clock;
	private final SecretKeySpec key;
	private final Map<String, Entry> checked = new ConcurrentHashMap<>();

	CheckedPasswords(Clock clock) {
		this.clock = clock;
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.key = new SecretKeySpec(random, "HmacSHA256");
	}

	boolean matches(String username, String password, String storedHash) {
		Entry entry = checked.get(mac(username, password));
		return entry != null && entry.hash.equals(storedHash) && entry.until.isAfter(clock.instant());
	}

	void remember(String username, String password, String storedHash) {
		Instant now = clock.instant();
		if (checked.size() >= MAX_ENTRIES) {
			checked.values().removeIf(e -> !e.until.isAfter(now));
			if (checked.size() >= MAX_ENTRIES) {
				checked.clear();
			}
		}
		checked.put(mac(username, password), new Entry(storedHash, now.plus(TTL)));
	}

	private String mac(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return java.util.HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	private record Entry(String hash, Instant until) {
	}
}
