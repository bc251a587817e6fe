package dev.switchboard.salesforce.pubsub;

import java.util.List;
import java.util.Map;

/**
 * One committed change of one or more records, as the Salesforce double's REST side reports it and as
 * {@link PubSubDouble#publish} turns it into a Change Data Capture event.
 *
 * @param changeType CREATE, UPDATE, DELETE, UNDELETE, GAP_CREATE, GAP_UPDATE, GAP_DELETE, GAP_UNDELETE or GAP_OVERFLOW
 * @param changedValues the new values (all set fields on CREATE, the changed ones on UPDATE; a null value nulls the field)
 * @param changedFields the fields an UPDATE changed (empty for other change types)
 * @param commitTimestamp epoch milliseconds
 * @param changeOrigin the header's {@code changeOrigin}: for an API call that sent {@code Sforce-Call-Options: client=X},
 *        {@code com/salesforce/api/rest/66.0;client=X}; empty for a change made in the UI or without a client
 */
public record RecordChange(String entityName, List<String> recordIds, String changeType /*CREATE, UPDATE, DELETE, UNDELETE, GAP_UPDATE, ...*/,
		Map<String, Object> changedValues, List<String> changedFields, String commitUserId, long commitTimestamp,
		String transactionKey, String changeOrigin) {

	public RecordChange {
		recordIds = recordIds == null ? null : List.copyOf(recordIds);
		changedValues = changedValues == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changedValues));
		changedFields = changedFields == null ? null : List.copyOf(changedFields);
		changeOrigin = changeOrigin == null ? "" : changeOrigin;
	}

	/** A change made without an API client name (as in the Salesforce UI): empty {@code changeOrigin}. */
	public RecordChange(String entityName, List<String> recordIds, String changeType, Map<String, Object> changedValues,
			List<String> changedFields, String commitUserId, long commitTimestamp, String transactionKey) {
		this(entityName, recordIds, changeType, changedValues, changedFields, commitUserId, commitTimestamp, transactionKey, "");
	}

	/** The {@code changeOrigin} Salesforce records for a REST call of API {@code version} that named {@code client}. */
	public static String restOrigin(String version, String client) {
		return client == null || client.isBlank() ? "" : "com/salesforce/api/rest/" + version + ";client=" + client;
	}
}
