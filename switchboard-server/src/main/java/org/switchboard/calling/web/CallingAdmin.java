package org.switchboard.calling.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

/**
 * The Calling section of the admin console. Its forms save through {@code PUT /api/admin/settings/{section}},
 * the one validated and audited path for every settings change.
 */
@Component
class CallingAdmin implements AdminSections {

	private final CallingSettings settings;
	private final CrmSchema schema;

	CallingAdmin(CallingSettings settings, CrmSchema schema) {
		this.settings = settings;
		this.schema = schema;
	}

	@Override
	public List<AdminSection> adminSections() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("search", settings.search());
		model.put("phoneFields", settings.phoneFields());
		model.put("callLogs", settings.callLogs());
		model.put("details", settings.details().details());
		model.put("history", settings.history());
		model.put("phoneObjects", schema.objects().stream().filter(o -> !o.phoneFields().isEmpty()).toList());
		model.put("whatObjects", schema.describe("Task").field("WhatId").map(FieldDescription::referenceTo).orElse(List.of()));
		model.put("accountFields", accountFields());
		return List.of(new AdminSection("calling", "Calling", "calling/admin :: section", model));
	}

	/** Per object, the fields that reference Account (what "account relationship field" may be). */
	private Map<String, List<String>> accountFields() {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (ObjectDescription object : schema.objects()) {
			List<String> references = object.name().equals("Account") ? List.of("Id")
					: object.fields().stream().filter(f -> f.type() == FieldType.REFERENCE && f.referenceTo().contains("Account"))
						.map(FieldDescription::name).toList();
			if (!references.isEmpty()) {
				fields.put(object.name(), references);
			}
		}
		return fields;
	}
}
