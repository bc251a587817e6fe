package dev.switchboard.salesforce.sandbox.records;

import java.util.List;
import java.util.Map;

/**
 * One committed change, shaped like Change Data Capture's header plus values (reference §4.1): CREATE carries
 * every set field and no changedFields; UPDATE the changed fields' new values and their names (with
 * LastModifiedDate); DELETE and UNDELETE no values.
 */
public record RecordChange(String entityName, List<String> recordIds, String changeType, Map<String, Object> changedValues,
		List<String> changedFields, String commitUserId, long commitTimestamp, String transactionKey) {

	public RecordChange {
		recordIds = List.copyOf(recordIds);
		changedValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changedValues));
		changedFields = List.copyOf(changedFields);
	}
}
