package org.switchboard.notifications.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.notifications.claim.Claimed;
import org.switchboard.notifications.claim.SkipLocked;

/**
 * The {@code notification_delivery} table. A worker claims a due row for a lease in a short transaction ({@code FOR UPDATE
 * SKIP LOCKED}, see {@link SkipLocked}; H2 2.x and PostgreSQL alike), posts with no transaction open, and records the
 * outcome only while its claim holds, so no other worker on any replica posts the row while the lease lasts (ADR 38).
 */
@Repository
public class Outbox {

	private static final String COLUMNS = "SELECT id, rule_id, rule_name, object_name, record_id, space_id, room_id, text, status, attempts, next_attempt_at, last_error, message_id, created_date, updated_date, sent_date FROM notification_delivery";
	private static final RowMapper<Delivery> DELIVERY = (rs, i) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3),
			rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
			instant(rs.getObject(11, OffsetDateTime.class)), rs.getString(12), rs.getString(13), instant(rs.getObject(14, OffsetDateTime.class)),
			instant(rs.getObject(15, OffsetDateTime.class)), instant(rs.getObject(16, OffsetDateTime.class)));

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	Outbox(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Queues rows in the caller's transaction; a row whose (change, rule, room) is already queued is skipped. */
	public void enqueue(List<NewDelivery> rows, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		batch.batchUpdate("INSERT INTO notification_delivery (change_key, rule_id, rule_name, object_name, record_id, space_id, room_id, text, status, next_attempt_at, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT DO NOTHING",
				rows, rows.size(), (ps, d) -> {
					ps.setString(1, d.changeKey());
					ps.setString(2, d.ruleId());
					ps.setString(3, d.ruleName());
					ps.setString(4, d.object());
					ps.setString(5, d.recordId());
					ps.setString(6, d.spaceId());
					ps.setString(7, d.roomId());
					ps.setString(8, d.text());
					ps.setObject(9, at);
					ps.setObject(10, at);
					ps.setObject(11, at);
				});
	}

	/**
	 * Claims one of the most overdue pending rows that no other transaction holds, until {@code leaseEnd}: the row gets a
	 * claim token and is due again at the lease's end, so a claimer that never records an outcome (it died) only delays
	 * it. Call in a short transaction of its own and commit before calling Webex.
	 */
	public Optional<Claimed<Delivery>> claimDue(Instant now, Instant leaseEnd) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		List<Long> due = jdbc.sql("SELECT id FROM notification_delivery WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
			.params(at, SkipLocked.CANDIDATES).query(Long.class).list();
		return SkipLocked.claimOne(due, id -> jdbc.sql(COLUMNS + " WHERE id = ? AND status = 'pending' AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED")
			.params(id, at).query(DELIVERY).optional())
			.map(delivery -> lease(Claimed.of(delivery), leaseEnd));
	}

	private Claimed<Delivery> lease(Claimed<Delivery> claim, Instant leaseEnd) {
		jdbc.sql("UPDATE notification_delivery SET claim_token = ?, next_attempt_at = ? WHERE id = ?")
			.params(claim.token(), leaseEnd.atOffset(ZoneOffset.UTC), claim.row().id()).update();
		return claim;
	}

	/** Moves the claim's lease end; false when the claim was lost (its lease ran out and the row was claimed again). */
	public boolean extend(Claimed<Delivery> claim, Instant leaseEnd) {
		return jdbc.sql("UPDATE notification_delivery SET next_attempt_at = ? WHERE id = ? AND claim_token = ?")
			.params(leaseEnd.atOffset(ZoneOffset.UTC), claim.row().id(), claim.token()).update() == 1;
	}

	/** Marks the claimed row sent; false (nothing changed) when the claim was lost. */
	public boolean sent(Claimed<Delivery> claim, String messageId, Instant now) {
		return jdbc.sql("UPDATE notification_delivery SET status = 'sent', attempts = attempts + 1, message_id = ?, last_error = NULL, sent_date = ?, updated_date = ?, claim_token = NULL WHERE id = ? AND claim_token = ?")
			.params(messageId, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), claim.row().id(), claim.token()).update() == 1;
	}

	/** Records a failed attempt: due again at {@code retryAt}, or failed for good; false when the claim was lost. */
	public boolean attemptFailed(Claimed<Delivery> claim, String error, Instant retryAt, boolean giveUp, Instant now) {
		return jdbc.sql("UPDATE notification_delivery SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_date = ?, claim_token = NULL WHERE id = ? AND claim_token = ?")
			.params(giveUp ? "failed" : "pending", truncate(error), retryAt.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC),
					claim.row().id(), claim.token())
			.update() == 1;
	}

	/** Puts a claimed row back without counting an attempt (nothing was sent: e.g. no bot registered yet). */
	public boolean postpone(Claimed<Delivery> claim, String reason, Instant retryAt, Instant now) {
		return jdbc.sql("UPDATE notification_delivery SET last_error = ?, next_attempt_at = ?, updated_date = ?, claim_token = NULL WHERE id = ? AND claim_token = ?")
			.params(truncate(reason), retryAt.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), claim.row().id(), claim.token())
			.update() == 1;
	}

	/** Rows postponed for want of a bot are due now (a bot was just registered); a claimed one is left to its claimer. */
	void dueNowIfWaitingFor(String reason, Instant now) {
		jdbc.sql("UPDATE notification_delivery SET next_attempt_at = ?, last_error = NULL WHERE status = 'pending' AND last_error = ? AND claim_token IS NULL")
			.params(now.atOffset(ZoneOffset.UTC), reason).update();
	}

	/** Failed → pending, due now, attempts from zero; false if the row is not failed. */
	public boolean replay(long id, Instant now) {
		return jdbc.sql("UPDATE notification_delivery SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_date = ? WHERE id = ? AND status = 'failed'")
			.params(now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), id).update() == 1;
	}

	public Optional<Delivery> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(DELIVERY).optional();
	}

	/** Newest first; {@code status} null for all. */
	public List<Delivery> list(String status, int limit) {
		int max = Math.max(1, Math.min(limit, 1000));
		return status == null ? jdbc.sql(COLUMNS + " ORDER BY id DESC LIMIT ?").param(max).query(DELIVERY).list()
				: jdbc.sql(COLUMNS + " WHERE status = ? ORDER BY id DESC LIMIT ?").params(status, max).query(DELIVERY).list();
	}

	/** Drops every queued, failed and sent delivery (uninstall); returns how many there were. */
	public int clear() {
		return jdbc.sql("DELETE FROM notification_delivery").update();
	}

	public long count(String status) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE status = ?").param(status).query(Long.class).single();
	}

	private static String truncate(String error) {
		return error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}
}
