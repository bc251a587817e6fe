package org.switchboard.workspace.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
	private final RecentViews views;

	RecentRecordsComponent(CrmRecords records, RecentViews views) {
		this.records = records;
		this.views = views;
	}

	@Override
	public List<HomeComponent> componentsFor(String userId) {
		List<CrmRecord> recent = recent(userId);
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

	/** The records I opened last (as Lightning's recent items), then those I changed last; a deleted one drops out. */
	private List<CrmRecord> recent(String userId) {
		List<RecentViews.Viewed> viewed = views.recent(userId, RECENT_OBJECTS, SHOWN);
		Map<String, CrmRecord> found = new HashMap<>();
		viewed.stream().collect(Collectors.groupingBy(RecentViews.Viewed::object, Collectors.mapping(RecentViews.Viewed::recordId, Collectors.toList())))
			.forEach((object, ids) -> records.findAllByField(object, "Id", ids).forEach(r -> found.put(r.id(), r)));
		Map<String, CrmRecord> recent = new LinkedHashMap<>();
		viewed.stream().map(v -> found.get(v.recordId())).filter(Objects::nonNull).forEach(r -> recent.put(r.id(), r));
		if (recent.size() < SHOWN) {
			records.recentlyModifiedBy(userId, RECENT_OBJECTS, SHOWN).forEach(r -> recent.putIfAbsent(r.id(), r));
		}
		return recent.values().stream().limit(SHOWN).toList();
	}
}
