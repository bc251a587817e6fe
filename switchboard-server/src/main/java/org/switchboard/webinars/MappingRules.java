package org.switchboard.webinars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/**
 * Checks a mapping against the CRM's describe of its target: every mapped field exists, is writable and takes text;
 * the primary key is mapped and of a type that can be unique (text, email, phone); required fields are mapped
 * (required picklists excepted: they take their first value). Every problem is a 400 naming the field.
 */
final class MappingRules {

	/** Types a registration value (text) can be written to. */
	private static final Set<FieldType> TEXT_TYPES = Set.of(FieldType.STRING, FieldType.TEXT, FieldType.EMAIL, FieldType.PHONE);
	/** Types that can hold a unique key (as Salesforce allows unique/external id on text and email fields). */
	private static final Set<FieldType> KEY_TYPES = Set.of(FieldType.STRING, FieldType.EMAIL, FieldType.PHONE);
	private static final Set<String> PERSON_OBJECTS = Set.of("Lead", "Contact");

	private MappingRules() {
	}

	/** The mapping with canonical field names, or a 400 naming every problem. */
	static ImportMapping check(ObjectDescription object, ImportMapping mapping) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> fields = new LinkedHashMap<>();
		if (mapping.fields().isEmpty()) {
			problems.add(new FieldProblem("fields", "must map at least one field"));
		}
		mapping.fields().forEach((target, source) -> {
			FieldDescription field = object.field(target).orElse(null);
			if (field == null) {
				problems.add(new FieldProblem("fields." + target, "is not a field of " + object.name()));
			}
			else if (!field.updateable() || field.type() == FieldType.ID) {
				problems.add(new FieldProblem("fields." + target, "cannot be written"));
			}
			else if (!ImportMapping.REGISTRATION_FIELDS.contains(source)) {
				problems.add(new FieldProblem("fields." + target, "'" + source + "' is not a standard registration field ("
						+ String.join(", ", ImportMapping.REGISTRATION_FIELDS) + ")"));
			}
			else if (!fits(field, source)) {
				problems.add(new FieldProblem("fields." + target, "is a " + field.type().apiName() + " field: the registration field '"
						+ source + "' (text) does not fit it"));
			}
			else {
				fields.put(field.name(), source);
			}
		});
		String key = primaryKey(object, mapping, fields, problems);
		for (FieldDescription field : object.fields()) {
			if (field.required() && field.updateable() && field.type() != FieldType.PICKLIST && !fields.containsKey(field.name())) {
				problems.add(new FieldProblem("fields." + field.name(), "is required on " + object.name() + " and must be mapped"));
			}
		}
		if (!ImportMapping.MERGE_POLICIES.contains(String.valueOf(mapping.mergePolicy()))) {
			problems.add(new FieldProblem("mergePolicy", "must be one of " + ImportMapping.MERGE_POLICIES));
		}
		if (!ImportMapping.CAMPAIGN_LINKS.contains(String.valueOf(mapping.campaignLink()))) {
			problems.add(new FieldProblem("campaignLink", "must be one of " + ImportMapping.CAMPAIGN_LINKS));
		}
		else if (!PERSON_OBJECTS.contains(object.name()) && !"webinarMembers".equals(mapping.campaignLink())) {
			problems.add(new FieldProblem("campaignLink", "must be webinarMembers: only Leads and Contacts can be campaign members"));
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid import mapping", problems.get(0).field() + " " + problems.get(0).message(), problems);
		}
		return new ImportMapping(object.name(), key, Boolean.TRUE.equals(mapping.insertNewPerWebinar()), mapping.mergePolicy(),
				mapping.campaignLink(), fields);
	}

	/** Whether {@code source} (a standard registration field, text) may be written to {@code field}. */
	static boolean fits(FieldDescription field, String source) {
		return field.updateable() && field.type() != FieldType.ID && TEXT_TYPES.contains(field.type())
				&& (field.type() != FieldType.EMAIL || "email".equals(source));
	}

	private static String primaryKey(ObjectDescription object, ImportMapping mapping, Map<String, String> fields, List<FieldProblem> problems) {
		if (mapping.primaryKey() == null || mapping.primaryKey().isBlank()) {
			problems.add(new FieldProblem("primaryKey", "is required: a unique field of " + object.name() + " such as Email"));
			return null;
		}
		FieldDescription key = object.field(mapping.primaryKey()).orElse(null);
		if (key == null) {
			problems.add(new FieldProblem("primaryKey", "'" + mapping.primaryKey() + "' is not a field of " + object.name()));
			return null;
		}
		if (!KEY_TYPES.contains(key.type()) || !key.updateable()) {
			problems.add(new FieldProblem("primaryKey", "'" + key.name() + "' (" + key.type().apiName()
					+ ") cannot be unique: choose a writable text, email or phone field"));
		}
		else if (!fields.containsKey(key.name())) {
			problems.add(new FieldProblem("primaryKey", "'" + key.name() + "' must be mapped to a registration field"));
		}
		return key.name();
	}
}
