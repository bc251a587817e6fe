package org.switchboard.crm.embedded;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The H2 indexes a bulk load builds after its rows instead of entry by entry (ADR 0041): the B-trees whose keys land at
 * random places (names, search terms, numbers, tails) and the record indexes. The rows themselves, each record's search
 * terms, phones, tails and references, are written with the record in the same transaction as always, so only these
 * derived trees can be missing after a crash; every start builds the missing ones again before the store serves.
 * PostgreSQL keeps its indexes (COPY already writes there, ADR 0029): nothing is deferred.
 */
class DeferredIndexes {

	private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

	/** As the Flyway migrations made them (V1, V1_1, V19, V20, V29); a primary key has no name of ours. */
	static final List<Deferred> ALL = List.of(
			Deferred.index("crm_record", "crm_record_by_object_and_name", "object_name, name_key, id"),
			Deferred.index("crm_record", "crm_record_by_modifier", "last_modified_by, last_modified_date"),
			Deferred.primaryKey("crm_search_term", "object_name, term, record_id"),
			Deferred.index("crm_search_term", "crm_search_term_by_record", "record_id"),
			Deferred.index("crm_phone", "crm_phone_by_number", "e164, object_name, field_name"),
			Deferred.primaryKey("crm_phone_tail", "tail, record_id, field_name"),
			Deferred.index("crm_reference", "crm_reference_by_target", "target_id, object_name, field_name"));

	private final JdbcTemplate jdbc;
	private final boolean h2;

	DeferredIndexes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.h2 = "H2".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
	}

	/**
	 * Runs {@code load} with the deferred indexes dropped (on H2) and builds them again afterwards, also when the load
	 * fails. One load at a time; readers meanwhile get the same answers, found by scanning.
	 */
	synchronized void during(Runnable load) {
		if (!h2) {
			load.run();
			return;
		}
		drop();
		try {
			load.run();
		}
		finally {
			restoreMissing();
		}
	}

	private void drop() {
		ALL.stream().filter(this::present).forEach(d -> jdbc.execute(d.dropSql()));
	}

	/** Builds every deferred index that is missing (after a crash during a bulk load); on a sound store, nothing. */
	void restoreMissing() {
		if (!h2) {
			return;
		}
		for (Deferred d : ALL) {
			if (!present(d)) {
				long started = System.nanoTime();
				jdbc.execute(d.createSql());
				log.info("Built {} in {} ms", d, (System.nanoTime() - started) / 1_000_000);
			}
		}
	}

	boolean allPresent() {
		return ALL.stream().allMatch(this::present);
	}

	private boolean present(Deferred d) {
		String sql = d.primaryKey()
				? "SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND constraint_type = 'PRIMARY KEY'"
				: "SELECT COUNT(*) FROM information_schema.indexes WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND index_name = ?";
		Object[] args = d.primaryKey() ? new Object[] { d.table() } : new Object[] { d.table(), d.name() };
		return jdbc.queryForObject(sql, Long.class, args) > 0;
	}

	/** One deferred index: a named index or the table's primary key. */
	record Deferred(String table, String name, String columns, boolean primaryKey) {

		static Deferred index(String table, String name, String columns) {
			return new Deferred(table, name, columns, false);
		}

		static Deferred primaryKey(String table, String columns) {
			return new Deferred(table, table + " primary key", columns, true);
		}

		String dropSql() {
			return primaryKey ? "ALTER TABLE " + table + " DROP PRIMARY KEY" : "DROP INDEX " + name;
		}

		String createSql() {
			return primaryKey ? "ALTER TABLE " + table + " ADD PRIMARY KEY (" + columns + ")"
					: "CREATE INDEX " + name + " ON " + table + " (" + columns + ")";
		}

		@Override
		public String toString() {
			return name;
		}
	}
}
