package dev.switchboard.salesforce.sandbox.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import dev.switchboard.salesforce.sandbox.schema.FieldSpec;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;

/**
 * Checks field lists and relationship paths ({@code Owner.Profile.Name}) against the schema, and shapes records
 * as the REST API returns them: {@code attributes}, the fields, and a nested record per relationship.
 */
public final class Projection {

	private final RecordStore store;
	private final String base;

	public Projection(RecordStore store, String base) {
		this.store = store;
		this.base = base;
	}

	/** The path spelled canonically, or INVALID_FIELD naming it. */
	public String check(ObjectSpec object, String path) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			return object.field(path).map(FieldSpec::name).orElseThrow(() -> invalid(path, object));
		}
		FieldSpec reference = object.relationship(path.substring(0, dot)).orElseThrow(() -> invalid(path, object));
		String rest = path.substring(dot + 1);
		for (String target : reference.referenceTo()) {
			Optional<ObjectSpec> spec = store.schema().find(target);
			try {
				return reference.relationshipName() + "." + check(spec.orElseThrow(), rest);
			}
			catch (SfError e) {
				// a polymorphic lookup: try the next target type
			}
		}
		throw invalid(path, object);
	}

	private static SfError invalid(String path, ObjectSpec object) {
		return SfError.of(400, "INVALID_FIELD", "No such column '" + path + "' on entity '" + object.name()
				+ "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.");
	}

	/** The value of a checked path on a stored record, following lookups; null where a lookup is empty. */
	public Object value(Map<String, Object> record, String path) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			return record.get(path);
		}
		ObjectSpec object = store.schema().require(RecordStore.type(record));
		Object targetId = object.relationship(path.substring(0, dot)).map(f -> record.get(f.name())).orElse(null);
		return targetId == null ? null : store.find(targetId.toString()).map(t -> value(t, path.substring(dot + 1))).orElse(null);
	}

	public Map<String, Object> shape(Map<String, Object> record, List<String> paths) {
		Map<String, Object> shaped = attributes(record);
		for (String path : paths) {
			put(shaped, record, path);
		}
		return shaped;
	}

	public Map<String, Object> attributes(Map<String, Object> record) {
		Map<String, Object> shaped = new LinkedHashMap<>();
		String type = RecordStore.type(record);
		shaped.put("attributes", Map.of("type", type, "url", base + "/sobjects/" + type + "/" + record.get("Id")));
		return shaped;
	}

	@SuppressWarnings("unchecked")
	private void put(Map<String, Object> shaped, Map<String, Object> record, String path) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			shaped.put(path, record.get(path));
			return;
		}
		String relationship = path.substring(0, dot);
		ObjectSpec object = store.schema().require(RecordStore.type(record));
		Object targetId = object.relationship(relationship).map(f -> record.get(f.name())).orElse(null);
		Optional<Map<String, Object>> target = targetId == null ? Optional.empty() : store.find(targetId.toString());
		if (target.isEmpty()) {
			shaped.putIfAbsent(relationship, null);
			return;
		}
		Object nested = shaped.get(relationship);
		Map<String, Object> child = nested instanceof Map ? (Map<String, Object>) nested : attributes(target.get());
		shaped.put(relationship, child);
		put(child, target.get(), path.substring(dot + 1));
	}
}
