package org.switchboard.crm;

import java.util.List;

/** One page of a list or search, with the total number of matches. */
public record RecordPage(List<CrmRecord> records, long total) {

	public RecordPage {
		records = List.copyOf(records);
	}
}
