package org.switchboard.admin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.switchboard.platform.audit.AdminChange;

/** The append-only record of admin changes and integration actions. */
@Service
public class AuditLog {

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String actor, String action, String target, String oldValue, String newValue) {
		jdbc.sql("INSERT INTO audit_entry (at, actor, action, target, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)")
			.params(clock.instant().atOffset(ZoneOffset.UTC), actor, action, target, oldValue, newValue)
			.update();
	}

	/** Feature modules audit their own admin changes by publishing them (they do not call this module). */
	@EventListener
	void on(AdminChange change) {
		record(change.actor(), change.action(), change.target(), change.oldValue(), change.newValue());
	}

	public List<AuditEntry> recent(int limit) {
		return jdbc.sql("SELECT id, at, actor, action, target, old_value, new_value FROM audit_entry ORDER BY id DESC LIMIT ?")
			.param(Math.max(1, Math.min(limit, 500)))
			.query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}
}
