package org.switchboard.crm.salesforce.changes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.platform.lease.Leases.Lease;

/**
 * The stream's row: replay id after the last processed batch (written in the batch's transaction), counters for the
 * console. Which replica subscribes is settled by a {@link org.switchboard.platform.lease.Leases lease} (ADR 0028).
 */
class ReplayStore {

	record Row(String replayId, long eventsReceived, Instant lastEventAt) {
	}

	private final JdbcClient jdbc;
	private final String topic;

	ReplayStore(JdbcClient jdbc, String topic) {
		this.jdbc = jdbc;
		this.topic = topic;
	}

	void ensureRow(Instant now) {
		try {
			jdbc.sql("INSERT INTO salesforce_change_stream (topic, events_received, updated_at) SELECT ?, 0, ? "
					+ "WHERE NOT EXISTS (SELECT 1 FROM salesforce_change_stream WHERE topic = ?)").params(topic, utc(now), topic).update();
		}
		catch (DuplicateKeyException raced) {
			// another replica created it
		}
	}

	Optional<byte[]> replayId() {
		return row().map(Row::replayId).map(Base64.getDecoder()::decode);
	}

	Optional<Row> row() {
		return jdbc.sql("SELECT replay_id, events_received, last_event_at FROM salesforce_change_stream WHERE topic = ?").param(topic)
			.query((rs, n) -> new Row(rs.getString(1), rs.getLong(2),
					rs.getObject(3, OffsetDateTime.class) == null ? null : rs.getObject(3, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * Called inside the batch's transaction; only the lease holder may move the position, and the lease's row stays
	 * locked until the batch commits, so a replica taking the stream over starts from this position, never before it.
	 */
	void processed(Lease lease, byte[] replayId, int events, Instant now) {
		if (!lease.confirm()) {
			throw new LeaseLostException("Another replica holds the change stream of " + topic + " now; this batch is rolled back");
		}
		jdbc.sql("UPDATE salesforce_change_stream SET replay_id = ?, events_received = events_received + ?, last_event_at = ?, updated_at = ? "
				+ "WHERE topic = ?").params(Base64.getEncoder().encodeToString(replayId), events, utc(now), utc(now), topic).update();
	}

	/** Forgets the stored position (a replay id Salesforce no longer accepts). */
	void forgetReplayId() {
		jdbc.sql("UPDATE salesforce_change_stream SET replay_id = NULL WHERE topic = ?").param(topic).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static final class LeaseLostException extends RuntimeException {

		LeaseLostException(String message) {
			super(message);
		}
	}
}
