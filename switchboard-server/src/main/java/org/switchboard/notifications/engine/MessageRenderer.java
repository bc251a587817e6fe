package org.switchboard.notifications.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;
import org.switchboard.notifications.rules.CompiledRule;
import org.switchboard.notifications.template.Placeholder;
import org.switchboard.notifications.template.Template;
import org.switchboard.notifications.template.Values;

/**
 * Renders templates for a change: current values (relationship paths included) from one CRM read, prior values from
 * the change itself; a field the change did not touch has the same prior value. The read runs in the writing
 * transaction only when the CRM is kept in our database (ADR 0040).
 */
@Component
public class MessageRenderer {

	private final CrmRecords records;

	MessageRenderer(CrmRecords records) {
		this.records = records;
	}

	/** Whether the CRM's records are read from our own database (the embedded store), not over the network. */
	boolean readsOurDatabase() {
		return records.writesJoinOurTransaction();
	}

	/** One text per rule, in the order given. */
	List<String> render(RecordChanged change, List<CompiledRule> rules) {
		Set<String> paths = new LinkedHashSet<>();
		rules.forEach(r -> r.template().placeholders().forEach(p -> {
			if (!p.prior() || !change.changed(p.path())) {
				paths.add(p.path());
			}
		}));
		Map<String, Object> current = paths.isEmpty() ? Map.of()
				: records.get(change.object(), change.recordId(), paths).fields();
		return rules.stream().map(r -> Values.fitForWebex(r.template().render(p -> Values.text(value(p, change, current))))).toList();
	}

	/** The text for a real record as it is now, prior values marked as such (the preview). */
	public String preview(String object, String recordId, Template template) {
		Set<String> paths = template.currentPaths();
		CrmRecord record = records.get(object, recordId, paths.isEmpty() ? Set.of("Id") : paths);
		return Values.fitForWebex(template.render(p -> p.prior() ? "[prior " + p.path() + "]" : Values.text(record.get(p.path()))));
	}

	private static Object value(Placeholder placeholder, RecordChanged change, Map<String, Object> current) {
		FieldChange changed = placeholder.prior() ? change.changes().get(placeholder.path()) : null;
		return changed != null ? changed.oldValue() : current.get(placeholder.path());
	}
}
