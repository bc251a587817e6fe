package org.switchboard.notifications.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.crm.TrackedFields;
import org.switchboard.notifications.spaces.RecordRooms;

/**
 * Tells the CRM which fields' prior values the active rules need: their tracked fields and the fields of their
 * {@code [[prior:…]]} placeholders (a Salesforce backend keeps the last-known values of exactly these).
 */
@Component
class RuleTrackedFields implements TrackedFields {

	private final RuleCache rules;
	private final RecordRooms spaces;

	RuleTrackedFields(RuleCache rules, RecordRooms spaces) {
		this.rules = rules;
		this.spaces = spaces;
	}

	/** A rule notifies the spaces of a record, so only records with a space need their values before a change. */
	@Override
	public List<String> recordsOf(String object, String afterId, int limit) {
		return spaces.recordIdsOf(object, afterId, limit);
	}

	@Override
	public Set<String> of(String object) {
		Set<String> fields = new HashSet<>();
		for (CompiledRule rule : rules.activeRules(object)) {
			fields.addAll(rule.tracked());
			rule.template().placeholders().stream().filter(p -> p.prior()).forEach(p -> fields.add(p.path()));
		}
		return fields;
	}
}
