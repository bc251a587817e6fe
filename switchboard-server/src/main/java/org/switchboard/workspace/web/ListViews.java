package org.switchboard.workspace.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.PhoneMatch;
import org.switchboard.crm.RecordPage;
import org.switchboard.platform.names.ApiNames;

/**
 * The list views of an object: all records, mine, my open ones (opportunities, cases), recently viewed; searched by
 * name words or by phone digits in any format (the phone index), and sorted by any column of the object itself.
 * The store sorts by name; another column is sorted here over at most {@link #SORT_CAP} matches (the page says so).
 */
@Component
class ListViews {

	static final int SORT_CAP = 2_000;
	private static final int PHONE_MATCHES = 50;

	private final CrmRecords records;
	private final RecentViews recent;

	ListViews(CrmRecords records, RecentViews recent) {
		this.records = records;
		this.recent = recent;
	}

	/** A view a user can pick: its key in the URL and its title. */
	record View(String key, String title) {
	}

	/** One page of a view; {@code capped} when the sort covered only the first {@link #SORT_CAP} matches. */
	record Result(List<CrmRecord> records, long total, boolean capped) {
	}

	List<View> views(ObjectDescription object) {
		List<View> views = new ArrayList<>(List.of(new View("all", "All " + object.labelPlural())));
		if (object.field("OwnerId").isPresent()) {
			views.add(new View("mine", "My " + object.labelPlural().toLowerCase(java.util.Locale.ROOT)));
			if (object.field("IsClosed").isPresent()) {
				views.add(new View("my-open", "My open " + object.labelPlural().toLowerCase(java.util.Locale.ROOT)));
			}
		}
		views.add(new View("recent", "Recently viewed"));
		return views;
	}

	Result list(ObjectDescription object, String view, String query, String sort, boolean descending, int offset, int limit) {
		String digits = phoneDigits(query);
		boolean byName = sort == null || ApiNames.same(sort, "Name");
		if ("all".equals(view) && digits == null && byName && !descending) {
			RecordPage page = records.search(object.name(), query, offset, limit);
			return new Result(page.records(), page.total(), false);
		}
		List<CrmRecord> candidates = candidates(object, view, query, digits);
		boolean capped = candidates.size() >= SORT_CAP;
		if (!"recent".equals(view) || sort != null) {
			candidates = candidates.stream().sorted(comparator(object, sort == null ? "Name" : sort, descending)).toList();
		}
		return new Result(candidates.stream().skip(offset).limit(limit).toList(), candidates.size(), capped);
	}

	private List<CrmRecord> candidates(ObjectDescription object, String view, String query, String digits) {
		String me = Access.currentUserId();
		List<CrmRecord> found = switch (view) {
			case "mine", "my-open" -> me == null ? List.of() : records.related(object.name(), "OwnerId", me, SORT_CAP);
			case "recent" -> me == null ? List.of() : recent.recent(me, object.name(), 100).stream()
				.flatMap(id -> read(object, id).stream()).toList();
			default -> digits != null ? List.of() : all(object, query);
		};
		if ("my-open".equals(view)) {
			found = found.stream().filter(r -> !Boolean.TRUE.equals(r.get("IsClosed"))).toList();
		}
		if (digits != null) {
			Set<String> phoneFields = object.phoneFields().stream().map(FieldDescription::name).collect(Collectors.toSet());
			List<CrmRecord> byPhone = records.searchPhoneDigits(digits, Map.of(object.name(), phoneFields), PHONE_MATCHES).stream()
				.map(PhoneMatch::record).toList();
			if (!"all".equals(view)) {
				Set<String> inView = found.stream().map(CrmRecord::id).collect(Collectors.toSet());
				byPhone = byPhone.stream().filter(r -> inView.contains(r.id())).toList();
			}
			return distinct(byPhone);
		}
		if (query != null && !query.isBlank() && !"all".equals(view)) {
			Set<String> matching = all(object, query).stream().map(CrmRecord::id).collect(Collectors.toSet());
			found = found.stream().filter(r -> matching.contains(r.id())).toList();
		}
		return found;
	}

	private List<CrmRecord> all(ObjectDescription object, String query) {
		List<CrmRecord> all = new ArrayList<>();
		for (int offset = 0; offset < SORT_CAP; offset += 200) {
			List<CrmRecord> page = records.search(object.name(), query, offset, 200).records();
			all.addAll(page);
			if (page.size() < 200) {
				break;
			}
		}
		return all;
	}

	private java.util.Optional<CrmRecord> read(ObjectDescription object, String id) {
		try {
			return java.util.Optional.of(records.get(object.name(), id, List.of()));
		}
		catch (RuntimeException gone) {
			return java.util.Optional.empty();
		}
	}

	/** The digits of a query that looks like a phone number (at least four digits, nothing but phone punctuation). */
	static String phoneDigits(String query) {
		if (query == null || !query.strip().matches("[+()\\d\\s./-]+")) {
			return null;
		}
		String digits = query.replaceAll("\\D", "");
		return digits.length() >= 4 && digits.length() <= 19 ? digits : null;
	}

	/** By the field's value, empty values last in either direction, then by id so pages never overlap. */
	private static Comparator<CrmRecord> comparator(ObjectDescription object, String sort, boolean descending) {
		FieldDescription field = object.field(sort).orElse(null);
		String name = field == null ? "Name" : field.name();
		boolean numeric = field != null && field.type() == FieldType.NUMBER;
		Comparator<Object> values = numeric ? Comparator.comparing(v -> new BigDecimal(v.toString()))
				: Comparator.comparing(v -> v.toString().toLowerCase(java.util.Locale.ROOT));
		return Comparator.comparing((CrmRecord r) -> "Name".equals(name) ? r.name() : r.get(name),
				Comparator.nullsLast(descending ? values.reversed() : values))
			.thenComparing(CrmRecord::id);
	}

	private static List<CrmRecord> distinct(List<CrmRecord> found) {
		Map<String, CrmRecord> byId = new LinkedHashMap<>();
		found.forEach(r -> byId.putIfAbsent(r.id(), r));
		return List.copyOf(byId.values());
	}
}
