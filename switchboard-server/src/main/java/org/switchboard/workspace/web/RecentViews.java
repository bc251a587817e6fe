package org.switchboard.workspace.web;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The records each user opened last, newest first (the "Recently viewed" list views). */
@Component
class RecentViews {

	private final JdbcClient jdbc;
	private final Clock clock;

	RecentViews(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	void viewed(String userId, String object, String recordId) {
		if (userId == null) {
			return;
		}
		jdbc.sql("DELETE FROM workspace_recent_view WHERE user_id = ? AND record_id = ?").params(userId, recordId).update();
		jdbc.sql("INSERT INTO workspace_recent_view (user_id, record_id, object_name, viewed_at) VALUES (?, ?, ?, ?)")
			.params(userId, recordId, object, clock.instant().atOffset(ZoneOffset.UTC)).update();
	}

	/** A record the user opened: which object, which id. */
	record Viewed(String object, String recordId, java.time.Instant at) {
	}

	/** The records of any of {@code objects} the user opened last, newest first. */
	@Transactional(readOnly = true)
	List<Viewed> recent(String userId, List<String> objects, int limit) {
		return jdbc.sql("SELECT object_name, record_id, viewed_at FROM workspace_recent_view WHERE user_id = :user AND object_name IN (:objects)"
				+ " ORDER BY viewed_at DESC LIMIT :limit")
			.param("user", userId).param("objects", objects).param("limit", limit)
			.query((rs, n) -> new Viewed(rs.getString(1), rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class).toInstant())).list();
	}

	@Transactional(readOnly = true)
	List<String> recent(String userId, String object, int limit) {
		return jdbc.sql("SELECT record_id FROM workspace_recent_view WHERE user_id = ? AND object_name = ? ORDER BY viewed_at DESC LIMIT ?")
			.params(userId, object, limit).query(String.class).list();
	}
}
