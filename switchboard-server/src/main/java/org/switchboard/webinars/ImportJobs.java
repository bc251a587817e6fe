package org.switchboard.webinars;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The import jobs, their claims (which server runs one, until when), progress and report rows. */
@Component
class ImportJobs {

	private static final String COLUMNS = "id, webinar_id, webinar_title, object_name, people, campaign_id, state, total, processed, created,"
			+ " updated, skipped, failed, error, user_id, mapping";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final ImportMappings mappings;
	private final Clock clock;

	ImportJobs(JdbcClient jdbc, JdbcTemplate template, ImportMappings mappings, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.mappings = mappings;
		this.clock = clock;
	}

	ImportJob create(String webinarId, String title, ImportMapping mapping, List<String> people, String campaignId, String userId) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO webinar_import (id, webinar_id, webinar_title, object_name, people, campaign_id, user_id, mapping, state, created_date)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)""")
			.params(id, webinarId, title, mapping.object(), String.join(",", people), campaignId, userId, mappings.write(mapping), now())
			.update();
		return find(id).orElseThrow();
	}

	Optional<ImportJob> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webinar_import WHERE id = ?").param(id).query(this::job).optional();
	}

	/** Ids of jobs to run: queued or running with no live claim (their server stopped or died). */
	List<String> claimable() {
		return jdbc.sql("SELECT id FROM webinar_import WHERE state IN ('queued', 'running') AND (claimed_until IS NULL OR claimed_until < ?)"
				+ " ORDER BY created_date").param(now()).query(String.class).list();
	}

	/** Claims the job for {@code lease} if nobody holds it; false when another server got it first. */
	boolean claim(String id, Duration lease) {
		return jdbc.sql("UPDATE webinar_import SET state = 'running', attempts = attempts + 1, claimed_until = ?"
				+ " WHERE id = ? AND state IN ('queued', 'running') AND (claimed_until IS NULL OR claimed_until < ?)")
			.params(now().plus(lease), id, now()).update() == 1;
	}

	void started(String id, int total, Duration lease) {
		jdbc.sql("UPDATE webinar_import SET total = ?, claimed_until = ? WHERE id = ?").params(total, now().plus(lease), id).update();
	}

	/** Records a chunk's outcomes and counts (in the chunk's transaction) and renews the claim. */
	void progress(String id, int firstPosition, List<Outcome> outcomes, Duration lease) {
		List<Object[]> rows = new java.util.ArrayList<>(outcomes.size());
		for (int i = 0; i < outcomes.size(); i++) {
			Outcome o = outcomes.get(i);
			rows.add(new Object[] { id, firstPosition + i, abbreviate(o.key(), 320), o.outcome(), o.recordId(), abbreviate(o.reason(), 1000) });
		}
		template.batchUpdate("INSERT INTO webinar_import_outcome (import_id, position, person_key, outcome, record_id, reason) VALUES (?, ?, ?, ?, ?, ?)",
				rows);
		int[] counts = new int[4];
		outcomes.forEach(o -> counts[Arrays.asList("created", "updated", "skipped", "failed").indexOf(o.outcome())]++);
		jdbc.sql("""
				UPDATE webinar_import SET processed = processed + ?, created = created + ?, updated = updated + ?, skipped = skipped + ?,
				    failed = failed + ?, claimed_until = ? WHERE id = ?""")
			.params(outcomes.size(), counts[0], counts[1], counts[2], counts[3], now().plus(lease), id).update();
	}

	/** Ends the job; intents a stopped chunk left (ADR 0033) are of no use to a finished job. */
	void finish(String id, String state, String error) {
		jdbc.sql("UPDATE webinar_import SET state = ?, error = ?, claimed_until = NULL, finished_date = ? WHERE id = ?")
			.params(state, abbreviate(error, 1000), now(), id).update();
		jdbc.sql("DELETE FROM webinar_import_intent WHERE import_id = ?").param(id).update();
	}

	/** Gives the job back (e.g. Webex unreachable): another attempt starts after {@code delay}. */
	void release(String id, Duration delay, String error) {
		jdbc.sql("UPDATE webinar_import SET claimed_until = ?, error = ? WHERE id = ?").params(now().plus(delay), abbreviate(error, 1000), id)
			.update();
	}

	int attempts(String id) {
		return jdbc.sql("SELECT attempts FROM webinar_import WHERE id = ?").param(id).query(Integer.class).single();
	}

	/** The report rows in order: key, outcome, record id, reason. */
	List<Outcome> outcomes(String id) {
		return jdbc.sql("SELECT person_key, outcome, record_id, reason FROM webinar_import_outcome WHERE import_id = ? ORDER BY position")
			.param(id).query((rs, i) -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
	}

	private ImportJob job(ResultSet rs, int row) throws SQLException {
		return new ImportJob(rs.getString("id"), rs.getString("webinar_id"), rs.getString("webinar_title"), rs.getString("object_name"),
				List.of(rs.getString("people").split(",")), rs.getString("campaign_id"), rs.getString("state"), rs.getInt("total"),
				rs.getInt("processed"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("skipped"), rs.getInt("failed"),
				rs.getString("error"), rs.getString("user_id"), mappings.read(rs.getString("mapping")));
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static String abbreviate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** What became of one person: created, updated, skipped or failed, with the record and the reason. */
	record Outcome(String key, String outcome, String recordId, String reason) {
	}
}
