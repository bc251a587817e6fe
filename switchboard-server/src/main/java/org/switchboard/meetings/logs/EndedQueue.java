package org.switchboard.meetings.logs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ended meeting instances waiting to become Events ({@code meeting_ended}): one row per instance however often Webex
 * reports it, claimed by a worker with a lease so that the remote calls run outside any transaction.
 */
@Repository
class EndedQueue {

	private final JdbcClient jdbc;

	EndedQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Ended(String instanceId, String ownerPersonId, int attempts) {
	}

	/**
	 * Adds the instance unless it is known already, or wakes one parked as still going on; true when there is work now.
	 * Only one row per instance can exist (its primary key), so racing deliveries add one between them.
	 */
	boolean offer(String instanceId, String ownerPersonId, Instant now) {
		int woken = jdbc.sql("UPDATE meeting_ended SET status = 'pending', next_attempt_at = ? WHERE instance_id = ? AND status = 'waiting'")
			.params(utc(now), instanceId).update();
		if (woken == 1) {
			return true;
		}
		return jdbc.sql("""
				INSERT INTO meeting_ended (instance_id, owner_person_id, status, attempts, next_attempt_at, received_at)
				VALUES (?, ?, 'pending', 0, ?, ?) ON CONFLICT DO NOTHING""")
			.params(instanceId, ownerPersonId, utc(now), utc(now)).update() == 1;
	}

	List<String> due(Instant now, int limit) {
		return jdbc.sql("SELECT instance_id FROM meeting_ended WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?")
			.params(utc(now), limit).query(String.class).list();
	}

	/** Takes the row for {@code lease} if it is still due; empty when another worker has it. */
	Optional<Ended> claim(String instanceId, Instant now, Instant leaseUntil) {
		int claimed = jdbc.sql("UPDATE meeting_ended SET next_attempt_at = ?, attempts = attempts + 1 WHERE instance_id = ? "
				+ "AND status = 'pending' AND next_attempt_at <= ?").params(utc(leaseUntil), instanceId, utc(now)).update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT instance_id, owner_person_id, attempts FROM meeting_ended WHERE instance_id = ?").param(instanceId)
			.query((rs, i) -> new Ended(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
	}

	void finish(String instanceId, String status, String note) {
		jdbc.sql("UPDATE meeting_ended SET status = ?, last_error = ? WHERE instance_id = ?")
			.params(status, note == null ? null : note.substring(0, Math.min(note.length(), 1000)), instanceId).update();
	}

	void retryAt(String instanceId, Instant at, String error) {
		jdbc.sql("UPDATE meeting_ended SET next_attempt_at = ?, last_error = ? WHERE instance_id = ?")
			.params(utc(at), error == null ? null : error.substring(0, Math.min(error.length(), 1000)), instanceId).update();
	}

	Optional<String> status(String instanceId) {
		return jdbc.sql("SELECT status FROM meeting_ended WHERE instance_id = ?").param(instanceId).query(String.class).optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
