package org.switchboard.notifications.spaces;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.notifications.claim.Claimed;
import org.switchboard.notifications.claim.SkipLocked;

/** The {@code notification_space} table: record → rooms, and the bot's membership of each room. */
@Repository
public class RecordRooms {

	private static final String COLUMNS = "SELECT space_id, object_name, record_id, room_id, linked_by, bot_state, bot_email, attempts FROM notification_space";
	private static final RowMapper<Space> SPACE = (rs, i) -> new Space(rs.getString(1), rs.getString(2), rs.getString(3),
			rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8));

	private final JdbcClient jdbc;

	RecordRooms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Space> ofRecord(String recordId) {
		return jdbc.sql(COLUMNS + " WHERE record_id = ?").param(recordId).query(SPACE).list();
	}

	/** The ids of {@code object}'s records that have a space, in id order after {@code afterId} (null: from the first). */
	public List<String> recordIdsOf(String object, String afterId, int limit) {
		return jdbc.sql("SELECT DISTINCT record_id FROM notification_space WHERE object_name = ? AND record_id > ? ORDER BY record_id LIMIT ?")
			.params(object, afterId == null ? "" : afterId, limit).query(String.class).list();
	}

	public List<Space> all() {
		return jdbc.sql(COLUMNS + " ORDER BY linked_date").query(SPACE).list();
	}

	/** Forgets a room (uninstall, after the bot left it). */
	public void forget(String spaceId) {
		unlink(spaceId);
	}

	public Optional<Space> find(String spaceId) {
		return jdbc.sql(COLUMNS + " WHERE space_id = ?").param(spaceId).query(SPACE).optional();
	}

	/** Stores a link once: a redelivered event changes nothing. */
	void link(String spaceId, String object, String recordId, String roomId, String linkedBy, Instant at) {
		jdbc.sql("INSERT INTO notification_space (space_id, object_name, record_id, room_id, linked_by, linked_date, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(spaceId, object, recordId, roomId, linkedBy, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC))
			.update();
	}

	void unlink(String spaceId) {
		jdbc.sql("DELETE FROM notification_space WHERE space_id = ?").param(spaceId).update();
	}

	/** A new bot must join every room again; the join work starts now, and joins under way no longer count. */
	void rejoinAll(Instant now) {
		jdbc.sql("UPDATE notification_space SET bot_state = 'pending', bot_email = NULL, attempts = 0, last_error = NULL, next_attempt_at = ?, claim_token = NULL")
			.param(now.atOffset(ZoneOffset.UTC)).update();
	}

	/** The bot lost access to the room (403/404): join again before the next post there. */
	public void rejoin(String spaceId, Instant now) {
		jdbc.sql("UPDATE notification_space SET bot_state = 'pending', attempts = 0, next_attempt_at = ?, claim_token = NULL WHERE space_id = ?")
			.params(now.atOffset(ZoneOffset.UTC), spaceId).update();
	}

	/**
	 * Claims one space whose bot join is due, skipping those another transaction holds, until {@code leaseEnd} (see
	 * {@code Outbox.claimDue}). Call in a short transaction of its own and commit before calling Webex.
	 */
	public Optional<Claimed<Space>> claimDueJoin(Instant now, Instant leaseEnd) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		List<String> due = jdbc.sql("SELECT space_id FROM notification_space WHERE bot_state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?")
			.params(at, SkipLocked.CANDIDATES).query(String.class).list();
		return SkipLocked.claimOne(due, id -> jdbc.sql(COLUMNS + " WHERE space_id = ? AND bot_state = 'pending' AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED")
			.params(id, at).query(SPACE).optional())
			.map(space -> lease(Claimed.of(space), leaseEnd));
	}

	private Claimed<Space> lease(Claimed<Space> claim, Instant leaseEnd) {
		jdbc.sql("UPDATE notification_space SET claim_token = ?, next_attempt_at = ? WHERE space_id = ?")
			.params(claim.token(), leaseEnd.atOffset(ZoneOffset.UTC), claim.row().spaceId()).update();
		return claim;
	}

	/** The bot is in the room (a delivery joined it on its way): a join claimed meanwhile no longer counts. */
	public void joined(String spaceId, String botEmail) {
		jdbc.sql("UPDATE notification_space SET bot_state = 'joined', bot_email = ?, attempts = 0, last_error = NULL, claim_token = NULL WHERE space_id = ?")
			.params(botEmail, spaceId).update();
	}

	/** Records the claimed join; false (nothing changed) when the claim was lost. */
	public boolean joined(Claimed<Space> claim, String botEmail) {
		return jdbc.sql("UPDATE notification_space SET bot_state = 'joined', bot_email = ?, attempts = 0, last_error = NULL, claim_token = NULL WHERE space_id = ? AND claim_token = ?")
			.params(botEmail, claim.row().spaceId(), claim.token()).update() == 1;
	}

	/** Records the claimed join's failure: due again at {@code retryAt}, or failed for good; false when the claim was lost. */
	public boolean joinFailed(Claimed<Space> claim, String error, Instant retryAt, boolean giveUp) {
		return jdbc.sql("UPDATE notification_space SET bot_state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claim_token = NULL WHERE space_id = ? AND claim_token = ?")
			.params(giveUp ? "failed" : "pending", error == null || error.length() <= 1000 ? error : error.substring(0, 1000),
					retryAt.atOffset(ZoneOffset.UTC), claim.row().spaceId(), claim.token())
			.update() == 1;
	}
}
