package org.switchboard.crm.salesforce.changes;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.TrackedFields;
import org.switchboard.crm.TrackedFieldsChanged;

/**
 * Reads the values of newly tracked fields when a rule starts tracking them (ADR 0028), so that the first change after
 * a rule is made already has its prior value: the records a rule can notify about ({@link TrackedFields#recordsOf}),
 * in pages, each record read through the CRM port outside any transaction, then merged in a short transaction of its
 * own without overwriting what the stream stored. Runs on one background thread after the rule's transaction commits.
 */
class PriorBackfill implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PriorBackfill.class);
	static final int PAGE = 100;

	private final TrackedFields tracked;
	private final CrmRecords records;
	private final KnownValues known;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "salesforce-prior-backfill");
		thread.setDaemon(true);
		return thread;
	});

	PriorBackfill(TrackedFields tracked, CrmRecords records, KnownValues known, TransactionTemplate transactions, Clock clock) {
		this.tracked = tracked;
		this.records = records;
		this.known = known;
		this.transactions = transactions;
		this.clock = clock;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TrackedFieldsChanged changed) {
		worker.execute(() -> {
			try {
				backfill(changed.object());
			}
			catch (RuntimeException e) {
				log.warn("Reading the prior values of {} failed; the first change of a record without one says its prior is unknown: {}",
						changed.object(), e.toString());
			}
		});
	}

	/** Reads and stores the missing tracked values of {@code object}'s records; returns how many records got values. */
	int backfill(String object) {
		Set<String> fields = tracked.of(object);
		int filled = 0;
		String after = null;
		List<String> page = fields.isEmpty() ? List.of() : tracked.recordsOf(object, null, PAGE);
		while (!page.isEmpty()) {
			Map<String, Map<String, Object>> stored = known.of(page);
			for (String id : page) {
				Set<String> missing = new LinkedHashSet<>(fields);
				missing.removeAll(stored.getOrDefault(id, Map.of()).keySet());
				if (!missing.isEmpty() && fill(object, id, missing)) {
					filled++;
				}
			}
			after = page.get(page.size() - 1);
			page = page.size() < PAGE ? List.of() : tracked.recordsOf(object, after, PAGE);
		}
		if (filled > 0) {
			log.info("Read the prior values of newly tracked {} fields for {} records", object, filled);
		}
		return filled;
	}

	private boolean fill(String object, String id, Set<String> missing) {
		Map<String, Object> current;
		try {
			current = records.get(object, id, missing).fields();
		}
		catch (CrmException e) {
			log.info("Could not read {} {} for its prior values: {}", object, id, e.getMessage());
			return false;
		}
		Map<String, Object> read = new HashMap<>();
		missing.forEach(field -> read.put(field, current.get(field)));
		transactions.executeWithoutResult(status -> known.backfill(object, id, read, clock.instant()));
		return true;
	}

	@Override
	public void close() {
		worker.shutdownNow();
	}
}
