package dev.switchboard.salesforce.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import dev.switchboard.salesforce.sandbox.records.Writes;

/**
 * sObject Collections semantics (reference §2.6): at most 200 records, results in input order as
 * {@code {id, success, errors[{statusCode, message, fields}]}}; with {@code allOrNone} one failure rolls every
 * record back and the others report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
final class Collections {

	static final int MAX = 200;

	private Collections() {
	}

	static <T> List<Map<String, Object>> run(RecordStore store, String userId, String origin, List<T> items, boolean allOrNone,
			BiFunction<Writes, T, String> op) {
		if (items.size() > MAX) {
			throw SfError.of(400, "EXCEEDED_ID_LIMIT", "Record limit reached. You can't include more than 200 records in a collection.");
		}
		List<Map<String, Object>> results = new ArrayList<>();
		if (!allOrNone) {
			for (T item : items) {
				try {
					results.add(ok(store.transaction(userId, origin, w -> op.apply(w, item))));
				}
				catch (SfError e) {
					results.add(failed(e.errors()));
				}
			}
			return results;
		}
		try {
			store.transaction(userId, origin, w -> {
				boolean anyFailed = false;
				for (T item : items) {
					try {
						results.add(ok(op.apply(w, item)));
					}
					catch (SfError e) {
						results.add(failed(e.errors()));
						anyFailed = true;
					}
				}
				if (anyFailed) {
					throw new RolledBack();
				}
				return null;
			});
		}
		catch (RolledBack e) {
			results.replaceAll(r -> Boolean.TRUE.equals(r.get("success")) ? failed(List.of(SfError.entry("ALL_OR_NONE_OPERATION_ROLLED_BACK",
					"Record rolled back because not all records were valid and the request was using AllOrNone header", List.of()))) : r);
		}
		return results;
	}

	private static Map<String, Object> ok(String id) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", id);
		result.put("success", true);
		result.put("errors", List.of());
		return result;
	}

	private static Map<String, Object> failed(List<Map<String, Object>> errors) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", null);
		result.put("success", false);
		result.put("errors", errors.stream().map(e -> Map.of("statusCode", e.get("errorCode"), "message", e.get("message"),
				"fields", e.get("fields"))).toList());
		return result;
	}

	private static final class RolledBack extends RuntimeException {

		RolledBack() {
			super(null, null, false, false);
		}
	}
}
