package org.switchboard.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record read from the CRM: its id, object, display name and the field values asked for. */
public record CrmRecord(String id, String object, String name, Map<String, Object> fields) {

	public CrmRecord {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public Object get(String field) {
		return fields.get(field);
	}

	public String getString(String field) {
		Object value = fields.get(field);
		return value == null ? null : value.toString();
	}

	public RecordRef ref() {
		return new RecordRef(object, id);
	}
}
