package org.switchboard.calling.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.calling.settings.CallLogDetailSettings.Detail;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.settings.SettingsSection;

@Component
class CallLogDetailSection implements SettingsSection<CallLogDetailSettings> {

	private final CrmSchema schema;

	CallLogDetailSection(CrmSchema schema) {
		this.schema = schema;
	}

	@Override
	public String name() {
		return CallLogDetailSettings.SECTION;
	}

	@Override
	public Class<CallLogDetailSettings> type() {
		return CallLogDetailSettings.class;
	}

	@Override
	public CallLogDetailSettings defaults() {
		return new CallLogDetailSettings(List.of(
				new Detail("Account", "Id", List.of("Name", "Industry", "Phone", "Owner.Name")),
				new Detail("Case", "AccountId", List.of("CaseNumber", "Subject", "Status", "Priority")),
				new Detail("Opportunity", "AccountId", List.of("Name", "StageName", "Amount", "CloseDate"))));
	}

	@Override
	public void validate(CallLogDetailSettings value) {
		SchemaRules rules = new SchemaRules(schema);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < value.details().size(); i++) {
			Detail detail = value.details().get(i);
			String where = "[" + i + "]";
			if (detail == null || detail.object() == null) {
				rules.problem(where + ".object", "is required");
				continue;
			}
			if (!seen.add(detail.object())) {
				rules.problem(where + ".object", detail.object() + " is configured twice; there is one configuration per object");
			}
			rules.object(where + ".object", detail.object()).ifPresent(o -> checkFields(rules, where, o, detail));
		}
		rules.throwIfAny(name());
	}

	private void checkFields(SchemaRules rules, String where, ObjectDescription object, Detail detail) {
		String accountField = detail.accountField();
		if ("Account".equals(object.name())) {
			if (!"Id".equals(accountField)) {
				rules.problem(where + ".accountField", "must be Id for Account itself");
			}
		}
		else if (accountField == null) {
			rules.problem(where + ".accountField", "is required: the field of " + object.name() + " that references Account");
		}
		else {
			rules.field(where + ".accountField", object, accountField).ifPresent(f -> {
				if (f.type() != FieldType.REFERENCE || !f.referenceTo().contains("Account")) {
					rules.problem(where + ".accountField", accountField + " does not reference Account");
				}
			});
		}
		if (detail.fields().isEmpty()) {
			rules.problem(where + ".fields", "name at least one field to show");
		}
		detail.fields().forEach(field -> rules.path(where + ".fields." + field, object, field));
	}
}
