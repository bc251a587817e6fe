package org.switchboard.crm.salesforce.changes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecords;

import dev.switchboard.salesforce.pubsub.TextDiff;

/**
 * Large text that arrives as a diff ({@code diffFields}): rebuilt from the value before — the one an earlier event of
 * the batch carried, else the last-known value — and checked against the diff's hash. When the value before is
 * unknown (no rule tracks the field) or does not match, the field is read from the CRM instead (a remote call: this
 * runs before the batch's transaction); when that fails too, the event cannot be processed (a dead letter).
 */
class TextDiffs {

	private static final Logger log = LoggerFactory.getLogger(TextDiffs.class);

	private final KnownValues known;
	private final CrmRecords records;

	TextDiffs(KnownValues known, CrmRecords records) {
		this.known = known;
		this.records = records;
	}

	List<CdcEvent> resolve(List<CdcEvent> batch) {
		if (batch.stream().allMatch(e -> e.diffFields().isEmpty())) {
			return batch;
		}
		Set<String> ids = new LinkedHashSet<>();
		batch.forEach(e -> ids.addAll(e.recordIds()));
		Map<String, Map<String, Object>> before = new HashMap<>();
		known.of(ids).forEach((id, values) -> before.put(id, new HashMap<>(values)));
		List<CdcEvent> resolved = new ArrayList<>(batch.size());
		for (CdcEvent event : batch) {
			CdcEvent plain = event.diffFields().isEmpty() ? event : rebuilt(event, before);
			for (String id : plain.recordIds()) {
				plain.values().forEach((field, value) -> before.computeIfAbsent(id, k -> new HashMap<>()).put(field, value));
			}
			resolved.add(plain);
		}
		return resolved;
	}

	private CdcEvent rebuilt(CdcEvent event, Map<String, Map<String, Object>> before) {
		Map<String, Object> values = new LinkedHashMap<>(event.values());
		for (String id : event.recordIds()) {
			for (String field : event.diffFields()) {
				values.put(field, text(event, id, field, before.getOrDefault(id, Map.of()).get(field)));
			}
		}
		return event.withValues(values);
	}

	private Object text(CdcEvent event, String id, String field, Object before) {
		String diff = String.valueOf(event.values().get(field));
		if (before instanceof String text) {
			try {
				return TextDiff.apply(text, diff);
			}
			catch (IllegalArgumentException e) {
				log.info("The diff of {}.{} on {} does not fit the last-known value ({}); reading the field instead", event.entity(), field, id,
						e.getMessage());
			}
		}
		try {
			return records.get(event.entity(), id, List.of(field)).fields().get(field);
		}
		catch (CrmException e) {
			throw new IllegalStateException("The new value of " + event.entity() + "." + field + " on " + id
					+ " came as a diff, and neither the value before is known nor the record could be read: " + e.getMessage(), e);
		}
	}
}
