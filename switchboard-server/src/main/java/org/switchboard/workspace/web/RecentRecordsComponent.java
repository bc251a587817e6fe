package org.switchboard.workspace.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.ui.HomeComponent;
import org.switchboard.platform.ui.HomeComponents;

/** The built-in home component: a handful of contacts and leads to start from. */
@Component
class RecentRecordsComponent implements HomeComponents {

	private final CrmRecords records;

	RecentRecordsComponent(CrmRecords records) {
		this.records = records;
	}

	@Override
	public List<HomeComponent> componentsFor(String userId) {
		List<Object> rows = List.of(records.search("Contact", null, 0, 5).records(), records.search("Lead", null, 0, 5).records());
		return List.of(new HomeComponent("Contacts and leads", 100, "home :: recent", rows));
	}
}
