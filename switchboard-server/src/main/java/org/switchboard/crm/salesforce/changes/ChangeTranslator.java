package org.switchboard.crm.salesforce.changes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;

/**
 * Turns decoded change events into {@link RecordChanged}, taking old values from the last-known values and keeping
 * those up to date. A tracked field whose known value already equals the new one is left out of the change: the
 * event was applied before (replayed from EARLIEST after a stale replay id) or a gap re-read already reported it, so
 * reporting it again would repeat a notification with a wrong prior value. A value read from the CRM when a rule was
 * made ({@link KnownValues#BACKFILLED}) is a prior, but never a reason to drop a change. Works on a batch's working copy: {@link #known} holds the values as of the events applied so far,
 * {@link #touched} which records' values must be written back (a null value map means: forget the record).
 */
class ChangeTranslator {

	private final Map<String, Map<String, Object>> known;
	private final Map<String, String> touched = new LinkedHashMap<>();

	ChangeTranslator(Map<String, Map<String, Object>> known) {
		this.known = new HashMap<>(known);
	}

	/**
	 * @param tracked the fields whose values are kept for {@code event.entity()}
	 * @param current for gap events: the records' tracked values as re-read from the CRM (absent = could not be read)
	 */
	List<RecordChanged> translate(CdcEvent event, Set<String> tracked, Map<String, Map<String, Object>> current) {
		List<RecordChanged> changes = new ArrayList<>();
		for (String id : event.recordIds()) {
			RecordChanged change = switch (event.changeType()) {
				case "CREATE", "UNDELETE" -> created(event, id, event.values(), tracked);
				case "UPDATE" -> updated(event, id, tracked);
				case "DELETE", "GAP_DELETE" -> deleted(event, id);
				case "GAP_CREATE", "GAP_UNDELETE" -> current.containsKey(id) ? created(event, id, current.get(id), tracked) : null;
				case "GAP_UPDATE", "GAP_OVERFLOW" -> current.containsKey(id) ? reread(event, id, current.get(id), tracked) : null;
				default -> null;
			};
			if (change != null) {
				changes.add(change);
			}
		}
		return changes;
	}

	Map<String, Map<String, Object>> known() {
		return known;
	}

	/** Record id → object of the records whose values changed in this batch (values in {@link #known()}, absent = removed). */
	Map<String, String> touched() {
		return touched;
	}

	private RecordChanged created(CdcEvent event, String id, Map<String, Object> values, Set<String> tracked) {
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (value != null) {
				fields.put(name, new FieldChange(null, value));
			}
		});
		remember(event.entity(), id, subset(values, tracked));
		return change(event, id, RecordChanged.Kind.CREATED, fields);
	}

	private RecordChanged updated(CdcEvent event, String id, Set<String> tracked) {
		Map<String, Object> before = known.getOrDefault(id, Map.of());
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>(before);
		for (String name : event.changedFields()) {
			Object value = event.values().get(name);
			boolean read = backfilled(before, name);
			if (tracked.contains(name) && before.containsKey(name) && !read && Objects.equals(before.get(name), value)) {
				continue; // already applied: a replayed event, or a change a gap re-read has reported
			}
			// a value read when the rule was made that already equals the new one was read after this change: prior unknown
			Object prior = read && Objects.equals(before.get(name), value) ? null : before.get(name);
			fields.put(name, new FieldChange(prior, value));
			if (tracked.contains(name)) {
				after.put(name, value);
				seenOnTheStream(after, name);
			}
		}
		remember(event.entity(), id, after);
		return fields.isEmpty() && !event.changedFields().isEmpty() ? null : change(event, id, RecordChanged.Kind.UPDATED, fields);
	}

	private RecordChanged reread(CdcEvent event, String id, Map<String, Object> now, Set<String> tracked) {
		Map<String, Object> before = known.getOrDefault(id, Map.of());
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		subset(now, tracked).forEach((name, value) -> {
			if (!Objects.equals(before.get(name), value)) {
				fields.put(name, new FieldChange(before.get(name), value));
			}
		});
		remember(event.entity(), id, subset(now, tracked));
		return fields.isEmpty() ? null : change(event, id, RecordChanged.Kind.UPDATED, fields);
	}

	private RecordChanged deleted(CdcEvent event, String id) {
		Map<String, Object> before = known.getOrDefault(id, Map.of());
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		before.forEach((name, value) -> {
			if (!name.equals(KnownValues.BACKFILLED)) {
				fields.put(name, new FieldChange(value, null));
			}
		});
		known.remove(id);
		touched.put(id, event.entity());
		return change(event, id, RecordChanged.Kind.DELETED, fields);
	}

	private static boolean backfilled(Map<String, Object> values, String field) {
		return values.get(KnownValues.BACKFILLED) instanceof List<?> fields && fields.contains(field);
	}

	private static void seenOnTheStream(Map<String, Object> values, String field) {
		if (values.get(KnownValues.BACKFILLED) instanceof List<?> fields) {
			List<Object> rest = new ArrayList<>(fields);
			rest.remove(field);
			if (rest.isEmpty()) {
				values.remove(KnownValues.BACKFILLED);
			}
			else {
				values.put(KnownValues.BACKFILLED, rest);
			}
		}
	}

	/** Keeps the values; a record with no tracked values is not stored at all. */
	private void remember(String object, String id, Map<String, Object> values) {
		if (values.isEmpty() && !known.containsKey(id)) {
			return;
		}
		known.put(id, values);
		touched.put(id, object);
	}

	private static Map<String, Object> subset(Map<String, Object> values, Set<String> tracked) {
		Map<String, Object> kept = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (tracked.contains(name)) {
				kept.put(name, value);
			}
		});
		return kept;
	}

	private static RecordChanged change(CdcEvent event, String id, RecordChanged.Kind kind, Map<String, FieldChange> fields) {
		return new RecordChanged(event.entity(), id, kind, fields, event.commitUser().isEmpty() ? null : event.commitUser(),
				event.commitTimestamp());
	}
}
