package org.switchboard.webinars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webinars.ImportJobs.Outcome;

/**
 * The CRM port's batch writes. A batch the CRM refuses is retried row by row, so only the bad rows fail (with the
 * CRM's reason) and the chunk still commits. When the CRM's writes join our transaction each batch runs inside a
 * savepoint, rolled back when refused; a remote CRM's batches are all-or-none on its side and run with no
 * transaction of ours open (ADR 0033).
 */
@Component
class Batches {

	private final CrmRecords records;
	private final TransactionTemplate nested;

	Batches(CrmRecords records, PlatformTransactionManager transactions) {
		this.records = records;
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** Runs one CRM write: in a savepoint of the caller's transaction, or as it is for a remote CRM. */
	private <T> T write(java.util.function.Supplier<T> call) {
		return records.writesJoinOurTransaction() ? nested.execute(tx -> call.get()) : call.get();
	}

	/** Creates the rows ({@code rows}: person position to values); fills outcomes and record ids. */
	void create(String object, Map<Integer, Map<String, Object>> rows, String actorId, Outcome[] outcomes, String[] keys,
			Map<Integer, String> recordIds) {
		List<Integer> positions = new ArrayList<>(rows.keySet());
		if (positions.isEmpty()) {
			return;
		}
		try {
			List<String> ids = write(() -> records.createAll(object, new ArrayList<>(rows.values()), actorId));
			for (int i = 0; i < positions.size(); i++) {
				created(positions.get(i), ids.get(i), outcomes, keys, recordIds);
			}
		}
		catch (ProblemException refused) {
			for (int position : positions) {
				try {
					String id = write(() -> records.createAll(object, List.of(rows.get(position)), actorId).get(0));
					created(position, id, outcomes, keys, recordIds);
				}
				catch (ProblemException e) {
					outcomes[position] = new Outcome(keys[position], "failed", null, reason(e));
				}
			}
		}
	}

	void update(String object, Map<Integer, Map<String, Object>> rows, String actorId, Outcome[] outcomes, String[] keys,
			Map<Integer, String> recordIds) {
		if (rows.isEmpty()) {
			return;
		}
		Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
		rows.forEach((position, values) -> byId.put(recordIds.get(position), values));
		try {
			write(() -> {
				records.updateAll(object, byId, actorId);
				return null;
			});
			rows.keySet().forEach(p -> outcomes[p] = new Outcome(keys[p], "updated", recordIds.get(p), String.join(", ", rows.get(p).keySet())));
		}
		catch (ProblemException refused) {
			rows.forEach((position, values) -> {
				try {
					write(() -> records.update(object, recordIds.get(position), values, actorId));
					outcomes[position] = new Outcome(keys[position], "updated", recordIds.get(position), String.join(", ", values.keySet()));
				}
				catch (ProblemException e) {
					outcomes[position] = new Outcome(keys[position], "failed", recordIds.get(position), reason(e));
				}
			});
		}
	}

	private static void created(int position, String id, Outcome[] outcomes, String[] keys, Map<Integer, String> recordIds) {
		outcomes[position] = new Outcome(keys[position], "created", id, null);
		recordIds.put(position, id);
	}

	static String reason(ProblemException e) {
		if (e.errors().isEmpty()) {
			return e.getMessage();
		}
		StringBuilder text = new StringBuilder();
		e.errors().forEach(p -> text.append(text.isEmpty() ? "" : "; ").append(p.field().replaceFirst("^\\[\\d+]\\.", "")).append(' ').append(p.message()));
		return text.toString();
	}
}
