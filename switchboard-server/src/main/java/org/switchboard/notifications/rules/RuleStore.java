package org.switchboard.notifications.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_rule} table and the version every rule change bumps. */
@Repository
class RuleStore {

	private static final String COLUMNS = "SELECT id, name, object_name, tracked_fields, template, active, updated_by, updated_date FROM notification_rule";
	private static final RowMapper<Rule> RULE = (rs, i) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3),
			Arrays.asList(rs.getString(4).split(",")), rs.getString(5), rs.getBoolean(6), rs.getString(7),
			rs.getObject(8, OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;

	RuleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Rule> all() {
		return jdbc.sql(COLUMNS + " ORDER BY object_name, name, id").query(RULE).list();
	}

	List<Rule> active() {
		return jdbc.sql(COLUMNS + " WHERE active = TRUE ORDER BY id").query(RULE).list();
	}

	Optional<Rule> find(String id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(RULE).optional();
	}

	void insert(Rule rule) {
		jdbc.sql("INSERT INTO notification_rule (id, name, object_name, tracked_fields, template, active, updated_by, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(rule.id(), rule.name(), rule.object(), String.join(",", rule.trackedFields()), rule.template(), rule.active(),
					rule.updatedBy(), utc(rule.updatedAt()))
			.update();
		bumpVersion();
	}

	void update(Rule rule) {
		jdbc.sql("UPDATE notification_rule SET name = ?, object_name = ?, tracked_fields = ?, template = ?, active = ?, updated_by = ?, updated_date = ? WHERE id = ?")
			.params(rule.name(), rule.object(), String.join(",", rule.trackedFields()), rule.template(), rule.active(),
					rule.updatedBy(), utc(rule.updatedAt()), rule.id())
			.update();
		bumpVersion();
	}

	void delete(String id) {
		jdbc.sql("DELETE FROM notification_rule WHERE id = ?").param(id).update();
		bumpVersion();
	}

	long version() {
		return jdbc.sql("SELECT version FROM notification_rule_version WHERE id = 1").query(Long.class).single();
	}

	private void bumpVersion() {
		jdbc.sql("UPDATE notification_rule_version SET version = version + 1 WHERE id = 1").update();
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}
}
