package org.switchboard.workspace.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.ProblemException;
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

	/** The records I opened or changed last, newest first, by whichever I did later (a deleted one drops out). */
	private List<CrmRecord> recent(String userId) {
		List<RecentViews.Viewed> viewed = views.recent(userId, RECENT_OBJECTS, SHOWN);
		Map<String, Instant> when = new HashMap<>();
		Map<String, CrmRecord> found = new HashMap<>();
		viewed.forEach(v -> when.merge(v.recordId(), v.at(), (a, b) -> a.isAfter(b) ? a : b));
		viewed.forEach(v -> read(v).ifPresent(r -> found.put(r.id(), r)));
		for (CrmRecord changed : records.recentlyModifiedBy(userId, RECENT_OBJECTS, SHOWN)) {
			found.putIfAbsent(changed.id(), changed);
			when.merge(changed.id(), modifiedAt(changed), (a, b) -> a.isAfter(b) ? a : b);
		}
		return found.values().stream().sorted(Comparator.comparing((CrmRecord r) -> when.getOrDefault(r.id(), Instant.EPOCH)).reversed())
			.limit(SHOWN).toList();
	}

	/** A record opened before, read by id (no store offers a batch read by ids); deleted since, or unreadable: left out. */
	private java.util.Optional<CrmRecord> read(RecentViews.Viewed viewed) {
		try {
			return java.util.Optional.of(records.get(viewed.object(), viewed.recordId(), List.of()));
		}
		catch (ProblemException e) {
			return java.util.Optional.empty();
		}
	}

	private static Instant modifiedAt(CrmRecord record) {
		Object value = record.get("LastModifiedDate");
		try {
			return value == null ? Instant.EPOCH : OffsetDateTime.parse(value.toString(), RecordForms.STORED).toInstant();
		}
		catch (DateTimeParseException e) {
			return Instant.EPOCH;
		}
	}
}
