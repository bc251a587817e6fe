package org.switchboard.calling.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.ui.RecordAction;
import org.switchboard.platform.ui.RecordActions;

/** "Make a call" on records with Webex phone fields: the panel offers the record's numbers, one click dials. */
@Controller
class ClickToCall implements RecordActions {

	private final CallingSettings settings;
	private final CrmRecords records;
	private final CrmSchema schema;

	ClickToCall(CallingSettings settings, CrmRecords records, CrmSchema schema) {
		this.settings = settings;
		this.records = records;
		this.schema = schema;
	}

	@Override
	public List<RecordAction> actionsFor(String object, String recordId) {
		if (!Access.has(PermissionSet.WEBEX_USER) || settings.phoneFields().fieldsOf(object).isEmpty()) {
			return List.of();
		}
		return List.of(new RecordAction("Make a call", 10, "/calling/records/" + object + "/" + recordId + "/numbers", true));
	}

	@GetMapping("/calling/records/{object}/{id}/numbers")
	@WebexUserOnly
	String numbers(@PathVariable String object, @PathVariable String id, Model model) {
		List<String> fields = settings.phoneFields().fieldsOf(object);
		ObjectDescription description = schema.describe(object);
		CrmRecord record = records.get(object, id, fields);
		List<Number> numbers = new ArrayList<>();
		for (String field : fields) {
			String value = record.getString(field);
			if (value != null && !value.isBlank()) {
				numbers.add(new Number(field, description.field(field).map(f -> f.label()).orElse(field), value));
			}
		}
		model.addAttribute("record", record);
		model.addAttribute("numbers", numbers);
		return "calling/numbers :: numbers";
	}

	record Number(String field, String label, String value) {
	}
}
