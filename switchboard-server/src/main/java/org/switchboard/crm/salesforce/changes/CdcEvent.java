package org.switchboard.crm.salesforce.changes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One decoded change event: the header with its bitmaps resolved to field names, and the non-null field values
 * (plus the fields it nulled, as null values).
 */
record CdcEvent(String entity, List<String> recordIds, String changeType, List<String> changedFields,
		Map<String, Object> values, String commitUser, Instant commitTimestamp, String transactionKey) {

	boolean gap() {
		return changeType.startsWith("GAP_");
	}
}
