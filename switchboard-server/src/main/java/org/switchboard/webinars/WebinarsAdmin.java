package org.switchboard.webinars;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

/**
 * The Webinars section of the admin console: day ranges and who may import (saved through
 * {@code PUT /api/admin/settings/webinars}), and the import mapping of each target object (saved through
 * {@code PUT /api/admin/webinars/mappings/{object}}).
 */
@Component
class WebinarsAdmin implements AdminSections {

	private final Webinars webinars;
	private final ImportMappings mappings;
	private final CrmSchema schema;
	private final CrmRecords records;

	WebinarsAdmin(Webinars webinars, ImportMappings mappings, CrmSchema schema, CrmRecords records) {
		this.webinars = webinars;
		this.mappings = mappings;
		this.schema = schema;
		this.records = records;
	}

	@Override
	public List<AdminSection> adminSections() {
		List<Target> targets = schema.objects().stream()
			.filter(o -> o.name().equals("Lead") || o.name().equals("Contact") || o.custom() && !o.name().equals(WebinarMemberObject.NAME))
			.map(this::target)
			.toList();
		return List.of(new AdminSection("webinars", "Webinars", "webinars/admin :: section", Map.of("settings", webinars.settings(),
				"targets", targets, "registrationFields", ImportMapping.REGISTRATION_FIELDS,
				"profiles", records.search("Profile", "", 0, 100).records(), "users", records.search("User", "", 0, 200).records())));
	}

	private Target target(ObjectDescription object) {
		ImportMapping saved = mappings.of(object.name()).orElse(null);
		return new Target(object.name(), object.label(), fields(object), saved,
				saved == null ? SuggestedMapping.of(object).orElse(null) : null);
	}

	private static List<String> fields(ObjectDescription object) {
		return object.fields().stream().filter(f -> f.updateable() && f.type() != FieldType.ID).map(f -> f.name()).toList();
	}

	/**
	 * One target object on the console: its writable fields, its saved mapping if any, and otherwise the suggested
	 * mapping the form opens with (Contact and Lead; not saved until the admin saves it).
	 */
	record Target(String object, String label, List<String> fields, ImportMapping mapping, ImportMapping suggestion) {

		/** The mapping the form shows: the saved one, else the suggestion, else none. */
		public ImportMapping shown() {
			return mapping != null ? mapping : suggestion;
		}
	}
}
