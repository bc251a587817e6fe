package org.switchboard.crm.embedded;

import java.time.Instant;
import java.util.Map;

/** A record as stored: the field document plus the system columns. */
record StoredRecord(String id, String object, String name, Map<String, Object> values, String createdBy,
		Instant createdDate, String lastModifiedBy, Instant lastModifiedDate, int version) {
}
