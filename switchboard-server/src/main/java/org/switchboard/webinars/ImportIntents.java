package org.switchboard.webinars;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people an import is about to create in a remote CRM (ADR 0033), recorded in a short transaction of their own
 * before the CRM call and cleared with the chunk's outcomes. On resume they tell a record this import created before a
 * stop (found by key, counted as created) from one that was there before.
 */
@Component
class ImportIntents {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transactions;

	ImportIntents(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
	}

	/** Of {@code keys}, those an earlier attempt of this import meant to create. */
	Set<String> of(String importId, Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT person_key FROM webinar_import_intent WHERE import_id = :id AND person_key IN (:keys)")
			.param("id", importId).param("keys", keys).query(String.class).list());
	}

	/** Records the keys about to be created (those not recorded yet), committed before the caller calls the CRM. */
	void record(String importId, Collection<String> keys, Set<String> recorded) {
		List<Object[]> rows = keys.stream().filter(k -> !recorded.contains(k)).map(k -> new Object[] { importId, k }).toList();
		if (!rows.isEmpty()) {
			transactions.executeWithoutResult(
					tx -> template.batchUpdate("INSERT INTO webinar_import_intent (import_id, person_key) VALUES (?, ?)", rows));
		}
	}

	/** Forgets the keys once their outcomes are stored (the caller's transaction). */
	void clear(String importId, Collection<String> keys) {
		if (!keys.isEmpty()) {
			jdbc.sql("DELETE FROM webinar_import_intent WHERE import_id = :id AND person_key IN (:keys)").param("id", importId).param("keys", keys)
				.update();
		}
	}
}
