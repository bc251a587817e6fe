package org.switchboard.workspace.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.switchboard.access.ObjectOperation;
import org.switchboard.access.SignedInOnly;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.workspace.RecordAccess;
import org.switchboard.workspace.RecordRights;

/**
 * The lookup pickers of record forms (htmx): records of the field's target object found by name as the user types,
 * and the picker again once one is chosen (its id in a hidden input, its name shown).
 */
@Controller
@SignedInOnly
class LookupPages {

	static final String QUERY_PREFIX = "_lookup_";
	static final String TARGET_PREFIX = "_lookupObject_";
	private static final int SUGGESTIONS = 8;

	private final CrmRecords records;
	private final CrmSchema schema;
	private final RecordRights rights;

	LookupPages(CrmRecords records, CrmSchema schema, RecordRights rights) {
		this.records = records;
		this.schema = schema;
		this.rights = rights;
	}

	@GetMapping("/lookup/{object}/{field}")
	String suggestions(@PathVariable String object, @PathVariable String field, @RequestParam MultiValueMap<String, String> params,
			Model model) {
		FieldDescription reference = reference(object, field);
		ObjectDescription target = target(reference, params.getFirst(TARGET_PREFIX + reference.name()));
		String query = params.getFirst(QUERY_PREFIX + reference.name());
		model.addAttribute("object", RecordAccess.resolve(schema, object).name());
		model.addAttribute("field", reference.name());
		model.addAttribute("target", target.name());
		model.addAttribute("targetLabel", target.labelPlural());
		model.addAttribute("matches", records.find(target.name(), query, SUGGESTIONS));
		return "records/lookup :: suggestions";
	}

	@GetMapping("/lookup/{object}/{field}/pick")
	String pick(@PathVariable String object, @PathVariable String field, @RequestParam(required = false) String id,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		FieldDescription reference = reference(object, field);
		String source = RecordAccess.resolve(schema, object).name();
		Lookup lookup = Lookup.of(records, source, reference, id);
		String target = params.getFirst(TARGET_PREFIX + reference.name());
		if (id == null && target != null && reference.referenceTo().contains(target)) {
			lookup = new Lookup(lookup.object(), lookup.field(), lookup.label(), lookup.targets(), target, null, null, lookup.required());
		}
		model.addAttribute("lookup", lookup);
		return "records/lookup :: lookup";
	}

	private FieldDescription reference(String object, String field) {
		ObjectDescription description = RecordAccess.resolve(schema, object);
		rights.require(description, ObjectOperation.READ);
		return description.field(field).filter(f -> f.type() == FieldType.REFERENCE)
			.orElseThrow(() -> CrmException.invalidFields(description.name(), List.of(new FieldProblem(field, "is not a reference field"))));
	}

	private ObjectDescription target(FieldDescription reference, String chosen) {
		String name = chosen != null && reference.referenceTo().contains(chosen) ? chosen : reference.referenceTo().get(0);
		ObjectDescription target = schema.describe(name);
		rights.require(target, ObjectOperation.READ);
		return target;
	}
}
