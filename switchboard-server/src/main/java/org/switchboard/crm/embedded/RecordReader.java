package org.switchboard.crm.embedded;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;

/** Turns stored records into {@link CrmRecord}s, following relationship paths to related records. */
class RecordReader {

	private final EmbeddedSchema schema;
	private final RecordTable table;
	private final FieldPaths paths;

	RecordReader(EmbeddedSchema schema, RecordTable table) {
		this.schema = schema;
		this.table = table;
		this.paths = new FieldPaths(schema::find);
	}

	FieldPaths paths() {
		return paths;
	}

	CrmRecord read(ObjectDescription object, StoredRecord record, Collection<String> fields) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (fields.isEmpty()) {
			object.fields().forEach(f -> values.put(f.name(), value(record, f.name())));
		}
		else {
			Map<String, Optional<StoredRecord>> loaded = new HashMap<>();
			for (String field : fields) {
				String path = paths.canonical(object, field.trim());
				values.put(path, resolve(object, record, path, loaded));
			}
		}
		return new CrmRecord(record.id(), record.object(), record.name(), values);
	}

	private Object resolve(ObjectDescription object, StoredRecord record, String path,
			Map<String, Optional<StoredRecord>> loaded) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			return value(record, path);
		}
		Optional<FieldDescription> reference = object.relationship(path.substring(0, dot));
		Object targetId = reference.map(r -> record.values().get(r.name())).orElse(null);
		if (targetId == null) {
			return null;
		}
		Optional<StoredRecord> target = loaded.computeIfAbsent(targetId.toString(), table::find);
		return target.map(t -> {
			ObjectDescription targetObject = schema.describe(t.object());
			String rest = path.substring(dot + 1);
			boolean known = targetObject.field(rest).isPresent() || rest.contains(".");
			return known ? resolve(targetObject, t, rest, loaded) : null;
		}).orElse(null);
	}

	static Object value(StoredRecord record, String field) {
		return switch (field) {
			case "Id" -> record.id();
			case "CreatedDate" -> record.createdDate().toString();
			case "CreatedById" -> record.createdBy();
			case "LastModifiedDate" -> record.lastModifiedDate().toString();
			case "LastModifiedById" -> record.lastModifiedBy();
			default -> record.values().get(field);
		};
	}
}
