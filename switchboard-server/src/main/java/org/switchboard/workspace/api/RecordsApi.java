package org.switchboard.workspace.api;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.access.Access;
import org.switchboard.access.ObjectOperation;
import org.switchboard.access.SignedInOnly;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.RecordPage;
import org.switchboard.workspace.RecordAccess;
import org.switchboard.workspace.RecordRights;

/** {@code /api/records}: read, search, create, update and delete CRM records. */
@RestController
@RequestMapping("/api/records/{object}")
@SignedInOnly
class RecordsApi {

	private final CrmRecords records;
	private final CrmSchema schema;
	private final RecordRights rights;

	RecordsApi(CrmRecords records, CrmSchema schema, RecordRights rights) {
		this.records = records;
		this.schema = schema;
		this.rights = rights;
	}

	/** The object named in the path, once the user is known to may do {@code operation} on it (else 404 or 403). */
	private ObjectDescription allowed(String object, ObjectOperation operation) {
		ObjectDescription resolved = RecordAccess.resolve(schema, object);
		rights.require(resolved, operation);
		return resolved;
	}

	@GetMapping
	Map<String, Object> search(@PathVariable String object, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "0") int offset) {
		ObjectDescription resolved = allowed(object, ObjectOperation.READ);
		RecordPage page = records.search(resolved.name(), q, offset, limit);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("records", page.records().stream().map(RecordsApi::flat).toList());
		json.put("total", page.total());
		return json;
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String object, @PathVariable String id,
			@RequestParam(required = false) String fields) {
		List<String> wanted = fields == null || fields.isBlank() ? List.of()
				: Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
		CrmRecord record = records.get(allowed(object, ObjectOperation.READ).name(), id, wanted);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", record.id());
		json.put("object", record.object());
		json.put("name", record.name());
		json.put("fields", record.fields());
		return withVersion(ResponseEntity.ok(), record).body(json);
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@PathVariable String object, @RequestBody Map<String, Object> values) {
		ObjectDescription resolved = allowed(object, ObjectOperation.CREATE);
		CrmRecord created = records.create(resolved.name(), values, Access.currentUserId());
		return ResponseEntity.created(URI.create("/api/records/" + created.object() + "/" + created.id()))
			.body(Map.of("id", created.id()));
	}

	@PatchMapping("/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable String object, @PathVariable String id,
			@RequestBody Map<String, Object> values, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ObjectDescription resolved = allowed(object, ObjectOperation.EDIT);
		CrmRecord updated = records.update(resolved.name(), id, values, Access.currentUserId(), EntityTags.expected(ifMatch));
		return withVersion(ResponseEntity.ok(), updated).body(flat(updated));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String object, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ObjectDescription resolved = allowed(object, ObjectOperation.DELETE);
		records.delete(resolved.name(), id, Access.currentUserId(), EntityTags.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/** Every record answered alone carries its version as a strong ETag (ADR 0021). */
	private ResponseEntity.BodyBuilder withVersion(ResponseEntity.BodyBuilder builder, CrmRecord record) {
		return builder.eTag(EntityTags.of(records.version(record.object(), record.id())));
	}

	private static Map<String, Object> flat(CrmRecord record) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", record.id());
		json.put("object", record.object());
		json.put("name", record.name());
		json.putAll(record.fields());
		json.put("id", record.id());
		return json;
	}
}
