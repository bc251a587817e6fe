package org.switchboard.notifications.rules;

import java.util.Set;

import org.switchboard.crm.RecordChanged;
import org.switchboard.notifications.template.Template;

/** An active rule ready for the engine: its tracked fields as a set and its parsed template. */
public record CompiledRule(Rule rule, Set<String> tracked, Template template) {

	public boolean matches(RecordChanged change) {
		for (String field : tracked) {
			if (change.changed(field)) {
				return true;
			}
		}
		return false;
	}
}
