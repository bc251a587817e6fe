package org.switchboard.meetings.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code meeting} table. */
@Repository
public class MeetingStore {

	private static final String COLUMNS = "SELECT id, webex_meeting_id, object_name, record_id, who_id, host_user_id, host_email, "
			+ "on_behalf, title, start_time, end_time, timezone, web_link, state, event_id, created_at FROM meeting";

	private final JdbcClient jdbc;

	MeetingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(MeetingRow m) {
		jdbc.sql("""
				INSERT INTO meeting (id, webex_meeting_id, object_name, record_id, who_id, host_user_id, host_email, on_behalf,
				  title, start_time, end_time, timezone, web_link, state, event_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(m.id(), m.webexMeetingId(), m.object(), m.recordId(), m.whoId(), m.hostUserId(), m.hostEmail(), m.onBehalf(),
					m.title(), utc(m.start()), utc(m.end()), m.timezone(), m.webLink(), m.state(), m.eventId(), utc(m.createdAt()))
			.update();
	}

	void reschedule(MeetingRow m) {
		jdbc.sql("UPDATE meeting SET title = ?, start_time = ?, end_time = ?, timezone = ? WHERE id = ?")
			.params(m.title(), utc(m.start()), utc(m.end()), m.timezone(), m.id()).update();
	}

	/** Marks a scheduled meeting cancelled; false when it was not scheduled any more. */
	public boolean cancel(String id) {
		return jdbc.sql("UPDATE meeting SET state = 'cancelled' WHERE id = ? AND state = 'scheduled'").param(id).update() == 1;
	}

	/** Marks the meeting ended with its Event; call with the row locked. */
	public void logged(String id, String eventId) {
		jdbc.sql("UPDATE meeting SET state = 'ended', event_id = ? WHERE id = ?").params(eventId, id).update();
	}

	public void ended(String id) {
		jdbc.sql("UPDATE meeting SET state = 'ended' WHERE id = ? AND state = 'scheduled'").param(id).update();
	}

	public Optional<MeetingRow> find(String id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MeetingStore::row).optional();
	}

	/** The row locked until the transaction ends. */
	public Optional<MeetingRow> lock(String id) {
		return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(MeetingStore::row).optional();
	}

	public Optional<MeetingRow> byWebexId(String webexMeetingId) {
		return jdbc.sql(COLUMNS + " WHERE webex_meeting_id = ?").param(webexMeetingId).query(MeetingStore::row).optional();
	}

	public List<MeetingRow> byWebexIds(Collection<String> webexMeetingIds) {
		if (webexMeetingIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " WHERE webex_meeting_id IN (:ids)").param("ids", webexMeetingIds).query(MeetingStore::row).list();
	}

	/** The record's meetings still to come (not ended or cancelled, ending after {@code now}, starting before {@code until}). */
	List<MeetingRow> upcoming(String object, String recordId, Instant now, Instant until) {
		return jdbc.sql(COLUMNS + " WHERE object_name = ? AND record_id = ? AND state = 'scheduled' AND end_time >= ? AND start_time < ? ORDER BY start_time")
			.params(object, recordId, utc(now), utc(until)).query(MeetingStore::row).list();
	}

	/** The record's past meetings (ended, or whose time is over) that started after {@code since}, newest first. */
	List<MeetingRow> past(String object, String recordId, Instant now, Instant since) {
		return jdbc.sql(COLUMNS + " WHERE object_name = ? AND record_id = ? AND state <> 'cancelled' AND (state = 'ended' OR end_time < ?) "
				+ "AND start_time >= ? ORDER BY start_time DESC")
			.params(object, recordId, utc(now), utc(since)).query(MeetingStore::row).list();
	}

	/** Meetings whose start has passed, not logged nor cancelled, that started after {@code since}: the poll's candidates. */
	public List<MeetingRow> awaitingLog(Instant now, Instant since, int limit) {
		return jdbc.sql(COLUMNS + " WHERE state IN ('scheduled', 'ended') AND event_id IS NULL AND start_time <= ? AND start_time >= ? "
				+ "ORDER BY start_time LIMIT ?")
			.params(utc(now), utc(since), limit).query(MeetingStore::row).list();
	}

	private static MeetingRow row(ResultSet rs, int i) throws SQLException {
		return new MeetingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7), rs.getBoolean(8), rs.getString(9), instant(rs, 10), instant(rs, 11), rs.getString(12),
				rs.getString(13), rs.getString(14), rs.getString(15), instant(rs, 16));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
