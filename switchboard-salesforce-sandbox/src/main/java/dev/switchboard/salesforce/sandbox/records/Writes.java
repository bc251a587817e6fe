package dev.switchboard.salesforce.sandbox.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.salesforce.pubsub.RecordChange;
import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.schema.FieldSpec;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;
import tools.jackson.databind.JsonNode;

/** The writes of one transaction: validates like Salesforce, applies, and records the changes to publish. */
public final class Writes {

	private static final AtomicLong CASE_NUMBERS = new AtomicLong(1000);

	private final RecordStore store;
	private final String userId;
	private final List<Object[]> changes = new ArrayList<>();

	Writes(RecordStore store, String userId) {
		this.store = store;
		this.userId = userId;
	}

	/** Creates a record from a JSON object (an {@code attributes} member is ignored) and returns its id. */
	public String create(ObjectSpec object, JsonNode body) {
		List<Map<String, Object>> problems = new ArrayList<>();
		Map<String, Object> values = read(object, body, problems);
		for (FieldSpec field : object.fields()) {
			if (!values.containsKey(field.name()) && field.defaultValue() != null) {
				values.put(field.name(), field.defaultValue());
			}
			if (!values.containsKey(field.name()) && "boolean".equals(field.type()) && field.createable()) {
				values.put(field.name(), "IsActive".equals(field.name()));
			}
		}
		if (object.field("OwnerId").isPresent()) {
			values.putIfAbsent("OwnerId", userId);
		}
		Validation.required(object, values, problems);
		Validation.references(store, object, values, problems);
		Validation.unique(store, object, values, null, problems);
		if (!problems.isEmpty()) {
			throw SfError.of(400, problems);
		}
		String id = store.ids().next(object.keyPrefix());
		String now = Values.now(store.now());
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("attributes.type", object.name());
		record.put("Id", id);
		record.putAll(values);
		if ("Case".equals(object.name())) {
			record.put("CaseNumber", String.format("%08d", CASE_NUMBERS.incrementAndGet()));
		}
		Computed.apply(object.name(), record);
		record.put("IsDeleted", false);
		for (String audit : List.of("CreatedDate", "LastModifiedDate", "SystemModstamp")) {
			record.put(audit, now);
		}
		record.put("CreatedById", userId);
		record.put("LastModifiedById", userId);
		store.records().put(id, record);
		Map<String, Object> set = new LinkedHashMap<>(record);
		set.values().removeIf(Objects::isNull);
		set.remove("attributes.type");
		changes.add(new Object[] { object.name(), id, "CREATE", set, List.of() });
		return id;
	}

	/** The record's LastModifiedDate (404 if there is no such record). */
	public Instant lastModified(ObjectSpec object, String id) {
		return java.time.OffsetDateTime.parse((String) store.require(object, id).get("LastModifiedDate"), Values.DATETIME).toInstant();
	}

	public void update(ObjectSpec object, String id, JsonNode body) {
		Map<String, Object> existing = store.require(object, id);
		List<Map<String, Object>> problems = new ArrayList<>();
		Map<String, Object> values = read(object, body, problems);
		Validation.references(store, object, values, problems);
		Map<String, Object> merged = new LinkedHashMap<>(existing);
		merged.putAll(values);
		Computed.apply(object.name(), merged);
		Validation.required(object, merged, problems);
		Validation.unique(store, object, merged, (String) existing.get("Id"), problems);
		if (!problems.isEmpty()) {
			throw SfError.of(400, problems);
		}
		String now = Values.now(store.now());
		merged.put("LastModifiedDate", now);
		merged.put("SystemModstamp", now);
		merged.put("LastModifiedById", userId);
		Map<String, Object> changed = new LinkedHashMap<>();
		merged.forEach((field, value) -> {
			if (!Objects.equals(value, existing.get(field)) && !"SystemModstamp".equals(field)) {
				changed.put(field, value);
			}
		});
		store.records().put((String) existing.get("Id"), merged);
		changes.add(new Object[] { object.name(), existing.get("Id"), "UPDATE", changed, List.copyOf(changed.keySet()) });
	}

	public void delete(ObjectSpec object, String id) {
		Map<String, Object> existing = store.require(object, id);
		String recordId = (String) existing.get("Id");
		store.records().remove(recordId);
		changes.add(new Object[] { object.name(), recordId, "DELETE", Map.of(), List.of() });
		for (Map<String, Object> dependent : store.referencing(recordId)) {
			ObjectSpec type = store.schema().require(RecordStore.type(dependent));
			boolean master = type.fields().stream().anyMatch(f -> f.required() && recordId.equals(dependent.get(f.name())));
			if (master) {
				delete(type, (String) dependent.get("Id"));
				continue;
			}
			tools.jackson.databind.node.ObjectNode clear = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
			type.fields().stream().filter(f -> recordId.equals(dependent.get(f.name())) && f.createable()).forEach(f -> clear.putNull(f.name()));
			update(type, (String) dependent.get("Id"), clear);
		}
	}

	List<RecordChange> changes(String transactionKey, long commitTimestamp, String changeOrigin) {
		return changes.stream().map(c -> new RecordChange((String) c[0], List.of((String) c[1]), (String) c[2], castMap(c[3]),
				castList(c[4]), userId, commitTimestamp, transactionKey, changeOrigin)).toList();
	}

	private Map<String, Object> read(ObjectSpec object, JsonNode body, List<Map<String, Object>> problems) {
		if (body == null || !body.isObject()) {
			throw SfError.of(400, "JSON_PARSER_ERROR", "The record must be a JSON object");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			String name = entry.getKey();
			if ("attributes".equals(name) || "Id".equalsIgnoreCase(name)) {
				continue;
			}
			FieldSpec field = object.field(name).orElse(null);
			if (field == null) {
				problems.add(SfError.entry("INVALID_FIELD", "No such column '" + name + "' on sobject of type " + object.name(), List.of()));
			}
			else if (values.containsKey(field.name())) {
				problems.add(SfError.entry("JSON_PARSER_ERROR", "Duplicate field: " + field.name(), List.of(field.name())));
			}
			else if (!field.createable()) {
				problems.add(SfError.entry("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + field.name()
						+ ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
						List.of(field.name())));
			}
			else {
				values.put(field.name(), Values.convert(field, entry.getValue(), problems));
			}
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> castList(Object value) {
		return (List<String>) value;
	}
}
