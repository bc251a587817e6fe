package org.switchboard.crm.salesforce.changes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One decoded change event: the header with its bitmaps resolved to field names, and the non-null field values
 * (plus the fields it nulled, as null values); {@code diffFields} names the values that are diffs of large text.
 */
record CdcEvent(String entity, List<String> recordIds, String changeType, List<String> changedFields,
		Map<String, Object> values, String commitUser, Instant commitTimestamp, String transactionKey, String changeOrigin,
		List<String> diffFields) {

	/** The same event with other values (diff-encoded text replaced by the text it stands for). */
	CdcEvent withValues(Map<String, Object> newValues) {
		return new CdcEvent(entity, recordIds, changeType, changedFields, newValues, commitUser, commitTimestamp, transactionKey, changeOrigin,
				List.of());
	}

	boolean gap() {
		return changeType.startsWith("GAP_");
	}

	/**
	 * Whether the change was made by an API call that named itself {@code client} ({@code Sforce-Call-Options:
	 * client=…}), which Salesforce records as {@code changeOrigin = com/salesforce/api/rest/66.0;client=…}.
	 */
	boolean madeBy(String client) {
		if (changeOrigin == null || client == null || client.isEmpty()) {
			return false;
		}
		for (String part : changeOrigin.split(";")) {
			if (part.trim().equals("client=" + client)) {
				return true;
			}
		}
		return false;
	}
}
