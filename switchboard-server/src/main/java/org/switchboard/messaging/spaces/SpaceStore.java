package org.switchboard.messaging.spaces;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The links between Webex spaces and CRM records. */
@Repository
public class SpaceStore {

	private static final String COLUMNS = "SELECT id, object_name, record_id, room_id, title, created_by, created_at FROM messaging_space";
	private static final RowMapper<Space> SPACE = (rs, i) -> new Space(rs.getString(1), rs.getString(2), rs.getString(3),
			rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;

	SpaceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Space space) {
		jdbc.sql("INSERT INTO messaging_space (id, object_name, record_id, room_id, title, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(space.spaceId(), space.object(), space.recordId(), space.roomId(), space.title(), space.createdBy(),
					space.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<Space> find(String spaceId) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(spaceId).query(SPACE).optional();
	}

	/** The record's spaces, oldest first. */
	public List<Space> forRecord(String object, String recordId) {
		return jdbc.sql(COLUMNS + " WHERE object_name = ? AND record_id = ? ORDER BY created_at, id").params(object, recordId)
			.query(SPACE).list();
	}

	public List<Space> all() {
		return jdbc.sql(COLUMNS + " ORDER BY created_at").query(SPACE).list();
	}

	public List<Space> forRoom(String roomId) {
		return jdbc.sql(COLUMNS + " WHERE room_id = ? ORDER BY created_at, id").param(roomId).query(SPACE).list();
	}

	public boolean delete(String spaceId) {
		return jdbc.sql("DELETE FROM messaging_space WHERE id = ?").param(spaceId).update() > 0;
	}
}
