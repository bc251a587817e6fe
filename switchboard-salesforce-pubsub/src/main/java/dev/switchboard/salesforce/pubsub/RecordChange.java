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
 */
public record RecordChange(String entityName, List<String> recordIds, String changeType /*CREATE, UPDATE, DELETE, UNDELETE, GAP_UPDATE, ...*/,
		Map<String, Object> changedValues, List<String> changedFields, String commitUserId, long commitTimestamp,
		String transactionKey) {
}
