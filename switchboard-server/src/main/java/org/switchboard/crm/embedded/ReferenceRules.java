package org.switchboard.crm.embedded;

import java.util.List;
import java.util.Map;

import org.switchboard.crm.CrmException;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;

/** References must point at existing records of an allowed object; a few objects add rules of their own. */
final class ReferenceRules {

	private final RecordTable table;

	ReferenceRules(RecordTable table) {
		this.table = table;
	}

	/**
	 * Checks the references among {@code changed} (canonicalising 15-character ids in place),
	 * then the cross-field rules over the whole record {@code all}.
	 */
	void check(ObjectDescription object, Map<String, Object> changed, Map<String, Object> all, List<FieldProblem> problems) {
		for (FieldDescription field : object.fields()) {
			Object value = changed.get(field.name());
			if (field.type() == FieldType.REFERENCE && value != null) {
				String id = RecordIds.canonical(value.toString());
				String target = id == null ? null : table.objectOf(id).orElse(null);
				if (target == null || !field.referenceTo().contains(target)) {
					problems.add(new FieldProblem(field.name(), "'" + value + "' is not the id of a "
							+ String.join(" or ", field.referenceTo())));
				}
				else {
					changed.put(field.name(), id);
					all.put(field.name(), id);
				}
			}
		}
		checkWhoWhat(object, all, problems);
		checkCampaignMember(object, all, problems);
	}

	/** A campaign has each contact or lead as a member once, like Salesforce's DUPLICATE_VALUE. */
	void checkUnique(ObjectDescription object, Map<String, Object> values) {
		if (!object.name().equals("CampaignMember")) {
			return;
		}
		for (String personField : List.of("ContactId", "LeadId")) {
			Object person = values.get(personField);
			if (person != null && table.referencing("CampaignMember", personField, person.toString(), 10_000).stream()
				.flatMap(id -> table.find(id).stream())
				.anyMatch(m -> values.get("CampaignId").equals(m.values().get("CampaignId")))) {
				throw CrmException.duplicate("This person's membership of the campaign");
			}
		}
	}

	private void checkWhoWhat(ObjectDescription object, Map<String, Object> all, List<FieldProblem> problems) {
		Object who = all.get("WhoId");
		if (object.field("WhoId").isPresent() && who != null && all.get("WhatId") != null
				&& table.objectOf(who.toString()).filter("Lead"::equals).isPresent()) {
			problems.add(new FieldProblem("WhatId", "must be empty when the activity is with a Lead"));
		}
	}

	private static void checkCampaignMember(ObjectDescription object, Map<String, Object> all, List<FieldProblem> problems) {
		if (object.name().equals("CampaignMember") && (all.get("ContactId") == null) == (all.get("LeadId") == null)) {
			problems.add(new FieldProblem("ContactId", "a campaign member needs exactly one of ContactId and LeadId"));
		}
	}
}
