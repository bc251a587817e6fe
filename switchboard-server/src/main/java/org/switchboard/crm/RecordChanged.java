package org.switchboard.crm;

import java.time.Instant;
import java.util.Map;

/**
 * Published in the writing transaction whenever a record is created, updated or deleted.
 *
 * @param changes the fields that changed, with old and new values (all set fields on create, all old values on delete)
 * @param changedBy the id of the acting User record, or null for system work
 */
public record RecordChanged(String object, String recordId, Kind kind, Map<String, FieldChange> changes,
		String changedBy, Instant changedAt) {

	public enum Kind {
		CREATED, UPDATED, DELETED
	}

	public RecordChanged {
		changes = Map.copyOf(changes);
	}

	public boolean changed(String field) {
		return changes.containsKey(field);
	}
}
