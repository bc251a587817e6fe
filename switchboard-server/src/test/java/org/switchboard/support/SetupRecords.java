package org.switchboard.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;

/** The setup objects (who may do what) and a snapshot of all their records, to show that a request changed none. */
public final class SetupRecords {

	public static final List<String> OBJECTS = List.of("User", "Profile", "PermissionSet", "PermissionSetAssignment");

	private SetupRecords() {
	}

	/** Every record of every setup object, by object and id, with all field values. */
	public static Map<String, Map<String, CrmRecord>> snapshot(CrmRecords records) {
		Map<String, Map<String, CrmRecord>> snapshot = new LinkedHashMap<>();
		for (String object : OBJECTS) {
			Map<String, CrmRecord> byId = new LinkedHashMap<>();
			for (int offset = 0;; offset += 200) {
				List<CrmRecord> page = records.search(object, null, offset, 200).records();
				page.forEach(r -> byId.put(r.id(), r));
				if (page.size() < 200) {
					break;
				}
			}
			snapshot.put(object, byId);
		}
		return snapshot;
	}
}
