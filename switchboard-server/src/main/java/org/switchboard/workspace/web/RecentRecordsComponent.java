package org.switchboard.workspace.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.ui.HomeComponent;
import org.switchboard.platform.ui.HomeComponents;

/**
 * The built-in home components: the records the user changed last ("My recent records"; contacts and leads to start
 * from while there are none yet) and the user's open tasks, soonest due first.
 */
@Component
class RecentRecordsComponent implements HomeComponents {

	static final List<String> RECENT_OBJECTS = List.of("Account", "Contact", "Lead", "Opportunity", "Case");
	private static final int SHOWN = 8;
	/** Tasks of the user read to find the open ones (the store lists references by id, not by due date). */
	private static final int TASKS_READ = 500;

	private final CrmRecords records;

	RecentRecordsComponent(CrmRecords records) {
		this.records = records;
	}

	@Override
	public List<HomeComponent> componentsFor(String userId) {
		List<CrmRecord> recent = records.recentlyModifiedBy(userId, RECENT_OBJECTS, SHOWN);
		HomeComponent recentComponent = recent.isEmpty()
				? new HomeComponent("Contacts and leads", 30, "home :: starting", List.of(records.find("Contact", null, 5), records.find("Lead", null, 5)))
				: new HomeComponent("My recent records", 30, "home :: recent", recent);
		List<CrmRecord> tasks = records.related("Task", "OwnerId", userId, TASKS_READ).stream()
			.filter(t -> !Boolean.TRUE.equals(t.get("IsClosed")))
			.sorted(Comparator.comparing((CrmRecord t) -> t.getString("ActivityDate"), Comparator.nullsLast(Comparator.naturalOrder())))
			.limit(SHOWN)
			.toList();
		return List.of(recentComponent, new HomeComponent("My open tasks", 40, "home :: tasks", tasks));
	}
}
