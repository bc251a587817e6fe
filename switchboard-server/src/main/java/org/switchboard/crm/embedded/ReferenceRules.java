package org.switchboard.crm.embedded;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
		check(object, changed, all, problems, table::objectOf);
	}

	/**
	 * The object of every record the references among {@code rows} name, in one query per thousand ids, as a
	 * lookup for {@link #check(ObjectDescription, Map, Map, List, Function)}; ids it was not asked about are looked up one by one.
	 */
	Function<String, Optional<String>> lookup(ObjectDescription object, List<Map<String, Object>> rows) {
		Set<String> ids = new HashSet<>();
		for (Map<String, Object> row : rows) {
			for (FieldDescription field : object.fields()) {
				Object value = row.get(field.name());
				String id = field.type() == FieldType.REFERENCE && value != null ? RecordIds.canonical(value.toString()) : null;
				if (id != null) {
					ids.add(id);
				}
			}
		}
		Map<String, String> known = table.objectsOf(ids);
		return id -> ids.contains(id) ? Optional.ofNullable(known.get(id)) : table.objectOf(id);
	}

	/** As {@link #check(ObjectDescription, Map, Map, List)}, with the objects of referenced ids from {@code objectOf}. */
	void check(ObjectDescription object, Map<String, Object> changed, Map<String, Object> all, List<FieldProblem> problems,
			Function<String, Optional<String>> objectOf) {
		for (FieldDescription field : object.fields()) {
			Object value = changed.get(field.name());
			if (field.type() == FieldType.REFERENCE && value != null) {
				String id = RecordIds.canonical(value.toString());
				String target = id == null ? null : objectOf.apply(id).orElse(null);
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
		checkWhoWhat(object, all, problems, objectOf);
		checkCampaignMember(object, all, problems);
	}

	/**
	 * A campaign has each contact or lead as a member once, like Salesforce's DUPLICATE_VALUE: neither a stored member
	 * nor another row of {@code rows} (new members) may pair the same campaign and person. One query per thousand
	 * people for the members pointing at them, one for those members' campaigns.
	 */
	void checkUnique(ObjectDescription object, List<Map<String, Object>> rows) {
		if (!object.name().equals("CampaignMember")) {
			return;
		}
		for (String personField : List.of("ContactId", "LeadId")) {
			Set<String> pairs = new HashSet<>();
			Set<String> people = new java.util.TreeSet<>();
			for (Map<String, Object> values : rows) {
				Object person = values.get(personField);
				if (person != null && !pairs.add(pair(values, personField))) {
					throw duplicate();
				}
				if (person != null) {
					people.add(person.toString());
				}
			}
			List<String> sorted = List.copyOf(people);
			for (int from = 0; from < sorted.size(); from += 1000) {
				List<String> members = table.referencingAny("CampaignMember", personField,
						sorted.subList(from, Math.min(sorted.size(), from + 1000)));
				for (int m = 0; m < members.size(); m += 1000) {
					if (table.findAll(members.subList(m, Math.min(members.size(), m + 1000))).stream()
						.anyMatch(r -> pairs.contains(pair(r.values(), personField)))) {
						throw duplicate();
					}
				}
			}
		}
	}

	private static String pair(Map<String, Object> values, String personField) {
		return values.get("CampaignId") + "|" + values.get(personField);
	}

	private static CrmException duplicate() {
		return CrmException.duplicate("This person's membership of the campaign");
	}

	private static void checkWhoWhat(ObjectDescription object, Map<String, Object> all, List<FieldProblem> problems,
			Function<String, Optional<String>> objectOf) {
		Object who = all.get("WhoId");
		if (object.field("WhoId").isPresent() && who != null && all.get("WhatId") != null
				&& objectOf.apply(who.toString()).filter("Lead"::equals).isPresent()) {
			problems.add(new FieldProblem("WhatId", "must be empty when the activity is with a Lead"));
		}
	}

	private static void checkCampaignMember(ObjectDescription object, Map<String, Object> all, List<FieldProblem> problems) {
		if (object.name().equals("CampaignMember") && (all.get("ContactId") == null) == (all.get("LeadId") == null)) {
			problems.add(new FieldProblem("ContactId", "a campaign member needs exactly one of ContactId and LeadId"));
		}
	}
}
