package org.switchboard.crm.salesforce.changes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last-known values of the tracked fields of each record, the "before" that change events do not carry. Values
 * read from the CRM when a rule started tracking a field (not seen on the stream) are listed under
 * {@link #BACKFILLED}.
 */
class KnownValues {

	/** The key under which a record's values list the fields whose value was read, not seen on the stream. */
	static final String BACKFILLED = "@backfilled";

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	KnownValues(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The stored values of the given records (records never seen are absent). */
	Map<String, Map<String, Object>> of(Collection<String> recordIds) {
		Map<String, Map<String, Object>> found = new HashMap<>();
		if (recordIds.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT record_id, field_values FROM salesforce_known_values WHERE record_id IN (:ids)").param("ids", recordIds)
			.query((rs, n) -> found.put(rs.getString(1), json.readValue(rs.getString(2), MAP))).list();
		return found;
	}

	/** Record ids of one object that have stored values (the records an overflow event makes us re-read), at most {@code limit}. */
	List<String> recordsOf(String object, int limit) {
		return jdbc.sql("SELECT record_id FROM salesforce_known_values WHERE object_name = ? ORDER BY record_id").param(object)
			.query(String.class).list().stream().limit(limit).toList();
	}

	void put(String object, String recordId, Map<String, Object> values, Instant now) {
		String text = json.writeValueAsString(values);
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		int updated = jdbc.sql("UPDATE salesforce_known_values SET field_values = ?, object_name = ?, updated_at = ? WHERE record_id = ?")
			.params(text, object, at, recordId).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO salesforce_known_values (record_id, object_name, field_values, updated_at) VALUES (?, ?, ?, ?)")
				.params(recordId, object, text, at).update();
		}
	}

	/**
	 * Adds values read from the CRM for fields the record has no value of yet, marking them {@link #BACKFILLED} (a
	 * value the stream stored meanwhile is newer and stays). Runs in a short transaction of its own; the record's row is
	 * locked while it merges.
	 */
	void backfill(String object, String recordId, Map<String, Object> read, Instant now) {
		Optional<String> stored = jdbc.sql("SELECT field_values FROM salesforce_known_values WHERE record_id = ? FOR UPDATE").param(recordId)
			.query(String.class).optional();
		Map<String, Object> values = stored.isPresent() ? json.readValue(stored.get(), MAP) : new LinkedHashMap<>();
		List<Object> marked = new ArrayList<>(values.get(BACKFILLED) instanceof List<?> list ? list : List.of());
		List<String> missing = read.keySet().stream().filter(field -> !values.containsKey(field)).toList();
		if (missing.isEmpty()) {
			return;
		}
		missing.forEach(field -> values.put(field, read.get(field)));
		marked.addAll(missing);
		values.put(BACKFILLED, marked);
		try {
			put(object, recordId, values, now);
		}
		catch (DuplicateKeyException streamStoredItFirst) {
			// the stream's values are newer than what was read
		}
	}

	void remove(String recordId) {
		jdbc.sql("DELETE FROM salesforce_known_values WHERE record_id = ?").param(recordId).update();
	}
}
