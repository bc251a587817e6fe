package org.switchboard.calling.settings;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmSchema;
import org.switchboard.platform.settings.SettingsSection;

@Component
class PhoneFieldSection implements SettingsSection<PhoneFieldSettings> {

	private final CrmSchema schema;

	PhoneFieldSection(CrmSchema schema) {
		this.schema = schema;
	}

	@Override
	public String name() {
		return PhoneFieldSettings.SECTION;
	}

	@Override
	public Class<PhoneFieldSettings> type() {
		return PhoneFieldSettings.class;
	}

	@Override
	public PhoneFieldSettings defaults() {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		fields.put("Contact", List.of("Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone"));
		fields.put("Lead", List.of("Phone", "MobilePhone"));
		fields.put("Account", List.of("Phone"));
		return new PhoneFieldSettings(fields);
	}

	@Override
	public void validate(PhoneFieldSettings value) {
		SchemaRules rules = new SchemaRules(schema);
		value.byObject().forEach((object, fields) -> rules.object(object, object).ifPresent(description -> {
			Set<String> seen = new HashSet<>();
			for (String field : fields == null ? List.<String>of() : fields) {
				String where = object + "." + field;
				rules.field(where, description, field).ifPresent(f -> {
					if (!f.isPhone()) {
						rules.problem(where, "is a " + f.type().name().toLowerCase() + " field, not a phone field");
					}
				});
				if (!seen.add(field)) {
					rules.problem(where, "is listed twice");
				}
			}
		}));
		rules.throwIfAny(name());
	}
}
