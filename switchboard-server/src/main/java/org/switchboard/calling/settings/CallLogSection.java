package org.switchboard.calling.settings;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.calling.settings.CallLogSettings.Direction;
import org.switchboard.crm.CrmSchema;
import org.switchboard.platform.settings.SettingsSection;

@Component
class CallLogSection implements SettingsSection<CallLogSettings> {

	private final CrmSchema schema;

	CallLogSection(CrmSchema schema) {
		this.schema = schema;
	}

	@Override
	public String name() {
		return CallLogSettings.SECTION;
	}

	@Override
	public Class<CallLogSettings> type() {
		return CallLogSettings.class;
	}

	@Override
	public CallLogSettings defaults() {
		List<String> related = List.of("Account", "Case", "Opportunity");
		return new CallLogSettings(new Direction(true, related), new Direction(true, related));
	}

	@Override
	public void validate(CallLogSettings value) {
		SchemaRules rules = new SchemaRules(schema);
		check(rules, "outbound", value.outbound());
		check(rules, "inbound", value.inbound());
		rules.throwIfAny(name());
	}

	private void check(SchemaRules rules, String direction, Direction settings) {
		if (settings == null) {
			rules.problem(direction, "is required: {\"enabled\": true|false, \"relatedObjects\": [...]}");
			return;
		}
		List<String> whatTargets = schema.describe("Task").field("WhatId").orElseThrow().referenceTo();
		for (String object : settings.relatedObjects()) {
			String where = direction + ".relatedObjects." + object;
			rules.object(where, object).ifPresent(o -> {
				if (!whatTargets.contains(object)) {
					rules.problem(where, "a call log (Task) cannot be related to " + object + "; it can be related to " + whatTargets);
				}
			});
		}
		if (settings.relatedObjects().stream().distinct().count() < settings.relatedObjects().size()) {
			rules.problem(direction + ".relatedObjects", "lists an object twice");
		}
	}
}
