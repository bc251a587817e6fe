package org.switchboard.calling.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The calling_call table. */
@Component
public class CallStore {

	private static final String COLUMNS = """
			SELECT id, webex_call_id, user_id, direction, state, remote_number, remote_name, privacy_enabled, matches, who_id,
			       created_at, answered_at, disconnected_at, last_event_at, log_status, task_id FROM calling_call""";
	private static final TypeReference<List<Match>> MATCHES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	CallStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<CallRow> byId(String id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(this::row).optional();
	}

	/** Reads the call and locks its row until the transaction ends, so concurrent events apply one after the other. */
	public Optional<CallRow> lock(String id) {
		return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(this::row).optional();
	}

	Optional<String> idOfWebexCall(String webexCallId) {
		return jdbc.sql("SELECT id FROM calling_call WHERE webex_call_id = ?").param(webexCallId).query(String.class).optional();
	}

	/**
	 * Inserts the call unless a row for its Webex call exists already (a concurrent event or the dial response);
	 * {@code matchPending}: its caller is still to be matched, after this transaction (ADR 0040).
	 */
	void insertIfAbsent(CallRow call, boolean matchPending) {
		jdbc.sql("""
				INSERT INTO calling_call (id, webex_call_id, user_id, direction, state, remote_number, remote_name, privacy_enabled,
				    matches, who_id, created_at, answered_at, disconnected_at, last_event_at, log_status, task_id, match_pending)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(call.id(), call.webexCallId(), call.userId(), call.direction().name(), call.state(), call.remoteNumber(),
					call.remoteName(), call.privacyEnabled(), json.writeValueAsString(call.matches()), call.whoId(),
					utc(call.createdAt()), utc(call.answeredAt()), utc(call.disconnectedAt()), utc(call.lastEventAt()),
					call.logStatus(), call.taskId(), matchPending)
			.update();
	}

	/** Whether the call's caller is still to be matched: stored before its match, and placed from no record. */
	boolean awaitsMatch(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM calling_call WHERE id = ? AND match_pending AND who_id IS NULL").param(id)
			.query(Integer.class).single() > 0;
	}

	/** Calls still to be matched, first seen before {@code before} (their match was lost: a crash, a CRM failure). */
	List<String> awaitingMatch(Instant before, int limit) {
		return jdbc.sql("SELECT id FROM calling_call WHERE match_pending AND who_id IS NULL AND created_at < ? ORDER BY created_at LIMIT ?")
			.params(utc(before), limit).query(String.class).list();
	}

	/**
	 * Records the caller's matches (and the only match's name when the call has none) if the call still awaits them;
	 * one statement that touches no state, so it never reorders events. False when it no longer awaited them.
	 */
	boolean matched(String id, List<Match> matches) {
		String name = matches.size() == 1 ? matches.get(0).name() : null;
		return jdbc.sql("""
				UPDATE calling_call SET matches = ?, remote_name = COALESCE(remote_name, ?), match_pending = FALSE
				WHERE id = ? AND match_pending AND who_id IS NULL""")
			.params(json.writeValueAsString(matches), name, id).update() == 1;
	}

	/**
	 * Claims the call's log for writing it to a remote CRM until {@code until}, unless another claim holds it still
	 * (false then); call in the transaction that holds the call's lock and commit before writing to the CRM.
	 */
	public boolean claimLog(String id, String token, Instant now, Instant until) {
		return jdbc.sql("UPDATE calling_call SET log_claim = ?, log_claim_until = ? WHERE id = ? AND (log_claim_until IS NULL OR log_claim_until <= ?)")
			.params(token, utc(until), id, utc(now)).update() == 1;
	}

	/** Records the Task of a claimed log; false when the claim was lost (it ran out and another one took the call). */
	public boolean loggedWithClaim(String id, String token, String taskId) {
		return jdbc.sql("UPDATE calling_call SET log_status = 'logged', task_id = ?, log_claim = NULL, log_claim_until = NULL WHERE id = ? AND log_claim = ?")
			.params(taskId, id, token).update() == 1;
	}

	/** Gives up a claim whose CRM write failed, so that the user may try again at once. */
	public void releaseLog(String id, String token) {
		jdbc.sql("UPDATE calling_call SET log_claim = NULL, log_claim_until = NULL WHERE id = ? AND log_claim = ?").params(id, token).update();
	}

	/** Whether a claim on the call's log is running now (a save is writing its Task). */
	public boolean logClaimed(String id, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM calling_call WHERE id = ? AND log_claim_until > ?").params(id, utc(now))
			.query(Integer.class).single() > 0;
	}

	public void update(CallRow call) {
		jdbc.sql("""
				UPDATE calling_call SET state = ?, remote_name = ?, matches = ?, who_id = ?, answered_at = ?, disconnected_at = ?,
				    last_event_at = ?, log_status = ?, task_id = ? WHERE id = ?""")
			.params(call.state(), call.remoteName(), json.writeValueAsString(call.matches()), call.whoId(), utc(call.answeredAt()),
					utc(call.disconnectedAt()), utc(call.lastEventAt()), call.logStatus(), call.taskId(), call.id())
			.update();
	}

	/** The user's newest {@code limit} calls that have not ended, started since {@code since} (older ones are stale). */
	public List<CallRow> activeFor(String userId, Instant since, int limit) {
		List<CallRow> newest = jdbc.sql(COLUMNS + " WHERE user_id = ? AND state <> 'disconnected' AND created_at >= ? ORDER BY created_at DESC LIMIT ?")
			.params(userId, utc(since), limit).query(this::row).list();
		List<CallRow> oldestFirst = new java.util.ArrayList<>(newest);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/** Ends calls no event has touched since {@code before} (a lost hang-up); their logs are not asked for. */
	public int endStale(Instant before) {
		return jdbc.sql("""
				UPDATE calling_call SET state = 'disconnected', disconnected_at = COALESCE(last_event_at, created_at),
				  log_status = CASE WHEN log_status = 'pending' THEN 'off' ELSE log_status END
				WHERE state <> 'disconnected' AND COALESCE(last_event_at, created_at) < ?""")
			.param(utc(before)).update();
	}

	/** Notes that the user declined the call while it rang (history then says declined, not missed). */
	void markDeclined(String id) {
		jdbc.sql("UPDATE calling_call SET declined = TRUE WHERE id = ?").param(id).update();
	}

	/** The remote numbers and end times of the calls the user declined since {@code since}. */
	public List<Declined> declinedSince(String userId, Instant since) {
		return jdbc.sql("SELECT remote_number, created_at FROM calling_call WHERE user_id = ? AND declined AND created_at >= ?")
			.params(userId, utc(since))
			.query((rs, i) -> new Declined(rs.getString("remote_number"), instant(rs, "created_at"))).list();
	}

	public record Declined(String remoteNumber, Instant at) {
	}

	/** The user's ended calls still waiting for a log, newest first. */
	public List<CallRow> draftsFor(String userId, int limit) {
		return jdbc.sql(COLUMNS + " WHERE user_id = ? AND log_status = 'draft' ORDER BY created_at DESC LIMIT ?")
			.params(userId, limit).query(this::row).list();
	}

	private CallRow row(ResultSet rs, int i) throws SQLException {
		return new CallRow(rs.getString("id"), rs.getString("webex_call_id"), rs.getString("user_id"),
				Direction.valueOf(rs.getString("direction")), rs.getString("state"), rs.getString("remote_number"),
				rs.getString("remote_name"), rs.getBoolean("privacy_enabled"), json.readValue(rs.getString("matches"), MATCHES),
				rs.getString("who_id"), instant(rs, "created_at"), instant(rs, "answered_at"), instant(rs, "disconnected_at"),
				instant(rs, "last_event_at"), rs.getString("log_status"), rs.getString("task_id"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
