package org.switchboard.access;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Passwords of the embedded CRM's users, stored as bcrypt hashes. */
@Service
public class Credentials {

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final Clock clock;
	private final SetupChanges audit;

	Credentials(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, SetupChanges audit) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.clock = clock;
		this.audit = audit;
	}

	@Transactional
	public void setPassword(String userId, String rawPassword) {
		if (rawPassword == null || rawPassword.length() < 8) {
			throw new IllegalArgumentException("A password needs at least 8 characters");
		}
		String hash = encoder.encode(rawPassword);
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		int updated = jdbc.sql("UPDATE access_credential SET password_hash = ?, updated_date = ? WHERE user_id = ?")
			.params(hash, now, userId).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO access_credential (user_id, password_hash, updated_date) VALUES (?, ?, ?)")
				.params(userId, hash, now).update();
		}
		audit.passwordSet(userId);
	}

	Optional<String> passwordHash(String userId) {
		return jdbc.sql("SELECT password_hash FROM access_credential WHERE user_id = ?").param(userId)
			.query(String.class).optional();
	}
}
