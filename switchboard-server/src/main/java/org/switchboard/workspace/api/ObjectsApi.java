package org.switchboard.workspace.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.access.SignedInOnly;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.CustomFieldDefinition;
import org.switchboard.crm.CustomObjectDefinition;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.workspace.RecordAccess;

/** {@code /api/objects}: describe objects and fields; Webex Admins define custom ones. */
@RestController
@RequestMapping("/api/objects")
class ObjectsApi {

	private final CrmSchema schema;

	ObjectsApi(CrmSchema schema) {
		this.schema = schema;
	}

	@GetMapping
	@SignedInOnly
	List<Map<String, Object>> objects() {
		return schema.objects().stream().map(o -> summary(o)).toList();
	}

	@GetMapping("/{object}")
	@SignedInOnly
	Map<String, Object> describe(@PathVariable String object) {
		return description(RecordAccess.resolve(schema, object));
	}

	@PostMapping
	@WebexAdminOnly
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> defineObject(@RequestBody CustomObjectDefinition definition) {
		return description(schema.defineObject(definition));
	}

	@PostMapping("/{object}/fields")
	@WebexAdminOnly
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> defineField(@PathVariable String object, @RequestBody CustomFieldDefinition definition) {
		return field(schema.defineField(RecordAccess.resolve(schema, object).name(), definition));
	}

	private static Map<String, Object> summary(ObjectDescription o) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", o.name());
		json.put("label", o.label());
		json.put("labelPlural", o.labelPlural());
		json.put("custom", o.custom());
		json.put("keyPrefix", o.keyPrefix());
		return json;
	}

	private static Map<String, Object> description(ObjectDescription o) {
		Map<String, Object> json = summary(o);
		json.put("fields", o.fields().stream().map(ObjectsApi::field).toList());
		return json;
	}

	private static Map<String, Object> field(FieldDescription f) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", f.name());
		json.put("label", f.label());
		json.put("type", f.type().apiName());
		json.put("custom", f.custom());
		json.put("referenceTo", f.referenceTo());
		json.put("relationshipName", f.relationshipName());
		json.put("picklistValues", f.picklistValues());
		json.put("required", f.required());
		json.put("updateable", f.updateable());
		return json;
	}
}
