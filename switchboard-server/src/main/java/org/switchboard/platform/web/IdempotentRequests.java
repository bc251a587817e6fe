package org.switchboard.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The idempotent_request table: one row per (principal, Idempotency-Key), kept for {@link #KEPT} (ADR 0022). */
@Component
class IdempotentRequests {

	/** How long an answer is replayed; a key older than this names a new request. */
	static final Duration KEPT = Duration.ofMinutes(10);

	private final JdbcClient jdbc;
	private final Clock clock;

	IdempotentRequests(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Claims the key for a request now starting; false when another request holds it (finished or not). */
	boolean claim(String principal, String key, String fingerprint) {
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?").param(now.minus(KEPT).atOffset(ZoneOffset.UTC)).update();
		return jdbc.sql("""
				INSERT INTO idempotent_request (principal, request_key, fingerprint, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(principal, key, fingerprint, now.atOffset(ZoneOffset.UTC)).update() == 1;
	}

	Optional<Stored> find(String principal, String key) {
		return jdbc.sql("SELECT fingerprint, status, content_type, location, body FROM idempotent_request WHERE principal = ? AND request_key = ?")
			.params(principal, key)
			.query((rs, i) -> new Stored(rs.getString("fingerprint"), (Integer) rs.getObject("status"), rs.getString("content_type"),
					rs.getString("location"), rs.getBytes("body")))
			.optional();
	}

	void complete(String principal, String key, int status, String contentType, String location, byte[] body) {
		jdbc.sql("UPDATE idempotent_request SET status = ?, content_type = ?, location = ?, body = ? WHERE principal = ? AND request_key = ?")
			.params(status, contentType, location, body, principal, key).update();
	}

	/** Forgets a request that failed on our side (5xx, an exception), so sending it again tries again. */
	void release(String principal, String key) {
		jdbc.sql("DELETE FROM idempotent_request WHERE principal = ? AND request_key = ?").params(principal, key).update();
	}

	/** @param status null while the first request is still being answered */
	record Stored(String fingerprint, Integer status, String contentType, String location, byte[] body) {
	}
}
