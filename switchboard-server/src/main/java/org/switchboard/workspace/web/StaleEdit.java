package org.switchboard.workspace.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

/**
 * An edit refused because the record changed meanwhile (ADR 0021), merged with the record as saved now: fields this
 * user left as they were take the saved value (the other change is kept, never reverted); fields both changed keep
 * this user's input and show the saved value beside it. The form says which is which; the user saves again.
 */
final class StaleEdit {

	/** The hidden form field carrying the value each field had when the form was filled. */
	static final String WAS = "_was_";

	record Merge(Map<String, Object> values, Map<String, String> conflicts, Set<String> takenFromSaved) {
	}

	private StaleEdit() {
	}

	static Merge merge(ObjectDescription object, CrmRecord saved, Map<String, Object> input, MultiValueMap<String, String> form,
			ZoneId zone) {
		Map<String, Object> values = new LinkedHashMap<>(input);
		Map<String, String> conflicts = new LinkedHashMap<>();
		Set<String> taken = new LinkedHashSet<>();
		input.forEach((name, value) -> object.field(name).ifPresent(field -> {
			String mine = shown(field, value, zone);
			String now = shown(field, saved.get(field.name()), zone);
			String was = form.getFirst(WAS + field.name());
			if (was != null && mine.equals(normal(field, was))) {
				values.put(field.name(), saved.get(field.name()));
				if (!now.equals(mine)) {
					taken.add(field.name());
				}
			}
			else if (!now.equals(mine) && (was == null || !now.equals(normal(field, was)))) {
				conflicts.put(field.name(), now.isEmpty() ? "(empty)" : now);
			}
		}));
		return new Merge(values, conflicts, taken);
	}

	/** Each field's value as the form shows it, for the hidden {@link #WAS} inputs. */
	static Map<String, String> originals(ObjectDescription object, Map<String, Object> values, ZoneId zone) {
		Map<String, String> originals = new LinkedHashMap<>();
		object.fields().forEach(f -> originals.put(f.name(), RecordForms.display(f, values.get(f.name()), zone)));
		return originals;
	}

	private static String shown(FieldDescription field, Object value, ZoneId zone) {
		return normal(field, RecordForms.display(field, value, zone));
	}

	private static String normal(FieldDescription field, String shown) {
		return field.type() == FieldType.BOOLEAN && shown.isEmpty() ? "false" : shown;
	}
}
