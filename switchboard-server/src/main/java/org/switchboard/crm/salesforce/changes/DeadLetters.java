package org.switchboard.crm.salesforce.changes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.ChangeEventDeadLetters.DeadLetter;

import com.salesforce.eventbus.protobuf.ConsumerEvent;

/** The stored dead letters of one topic ({@code salesforce_change_dead_letter}): the raw event, what is known of it and why it failed. */
class DeadLetters {

	private static final String COLUMNS = "id, replay_id, entity_name, record_ids, error, attempts, failed_at, replayed_at";

	/** A dead letter's raw event, for a replay. */
	record Raw(String schemaId, byte[] payload) {
	}

	private final JdbcClient jdbc;
	private final String topic;

	DeadLetters(JdbcClient jdbc, String topic) {
		this.jdbc = jdbc;
		this.topic = topic;
	}

	/** Keeps an event that failed; {@code decoded} is null when it could not be decoded. Runs in the batch's transaction. */
	void store(ConsumerEvent event, CdcEvent decoded, String error, Instant now) {
		jdbc.sql("INSERT INTO salesforce_change_dead_letter (id, topic, replay_id, schema_id, payload, entity_name, record_ids, error, "
				+ "attempts, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)")
			.params(UUID.randomUUID().toString(), topic, Base64.getEncoder().encodeToString(event.getReplayId().toByteArray()),
					event.getEvent().getSchemaId(), Base64.getEncoder().encodeToString(event.getEvent().getPayload().toByteArray()),
					decoded == null ? null : decoded.entity(), decoded == null ? null : clip(String.join(",", decoded.recordIds()), 2000),
					clip(error, 1000), utc(now))
			.update();
	}

	List<DeadLetter> waiting(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM salesforce_change_dead_letter WHERE topic = ? AND replayed_at IS NULL "
				+ "ORDER BY failed_at DESC, id").param(topic).query(this::row).list().stream().limit(limit).toList();
	}

	long waitingCount() {
		return jdbc.sql("SELECT COUNT(*) FROM salesforce_change_dead_letter WHERE topic = ? AND replayed_at IS NULL").param(topic)
			.query(Long.class).single();
	}

	Optional<DeadLetter> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM salesforce_change_dead_letter WHERE id = ? AND topic = ?").params(id, topic)
			.query(this::row).optional();
	}

	Raw raw(String id) {
		return jdbc.sql("SELECT schema_id, payload FROM salesforce_change_dead_letter WHERE id = ?").param(id)
			.query((rs, n) -> new Raw(rs.getString(1), Base64.getDecoder().decode(rs.getString(2)))).single();
	}

	/** A replay succeeded (runs in the replay's transaction); false when another replay got there first. */
	boolean replayed(String id, Instant now) {
		return jdbc.sql("UPDATE salesforce_change_dead_letter SET replayed_at = ?, attempts = attempts + 1 WHERE id = ? AND replayed_at IS NULL")
			.params(utc(now), id).update() == 1;
	}

	void failedAgain(String id, String error) {
		jdbc.sql("UPDATE salesforce_change_dead_letter SET error = ?, attempts = attempts + 1 WHERE id = ?").params(clip(error, 1000), id)
			.update();
	}

	private DeadLetter row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String ids = rs.getString(4);
		OffsetDateTime replayed = rs.getObject(8, OffsetDateTime.class);
		return new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")),
				rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant(), replayed == null ? null : replayed.toInstant());
	}

	private static String clip(String text, int max) {
		String value = text == null ? "unknown" : text;
		return value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
