package dev.switchboard.salesforce.pubsub;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The change event schemas of the double: {@code <Entity>ChangeEvent} records holding the {@code ChangeEventHeader}
 * at position 0 and then every field seen so far as an optional value, in first-seen order. A field seen for the
 * first time makes a new schema (with a new id), as adding a field in Setup does in Salesforce; earlier events keep
 * the schema they were written with. Ids are the schema's 64-bit Avro parsing fingerprint in hex. Parts of compound
 * fields (an address, a person's name) are fields of one nested record, as in Salesforce ({@link CompoundFields}).
 */
final class ChangeEventSchemas {

	static final Schema HEADER = loadHeader();
	static final Schema ADDRESS = record("Address", CompoundFields.ADDRESS_PARTS);
	static final Schema PERSON_NAME = record("Switchable_PersonName", CompoundFields.NAME_PARTS);

	private final Map<String, Schema> byId = new ConcurrentHashMap<>();
	private final Map<String, Entity> byEntity = new ConcurrentHashMap<>();

	record Entity(Schema schema, String schemaId, Map<String, Schema.Type> fields) {
	}

	/** The entity's current schema, extended first by the fields of {@code values} that it does not have yet. */
	synchronized Entity schemaFor(String entityName, Map<String, Object> values, List<String> fieldNames) {
		Entity current = byEntity.get(entityName);
		Map<String, Schema.Type> fields = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current.fields());
		values.forEach((name, value) -> {
			if (value != null) {
				fields.putIfAbsent(topLevel(entityName, name), typeOf(entityName, name, value));
			}
		});
		values.keySet().forEach(name -> fields.putIfAbsent(topLevel(entityName, name), typeOf(entityName, name, "")));
		fieldNames.forEach(name -> fields.putIfAbsent(topLevel(entityName, name), typeOf(entityName, name, "")));
		if (current != null && current.fields().equals(fields)) {
			return current;
		}
		Schema schema = build(entityName, fields);
		String id = Long.toHexString(SchemaNormalization.parsingFingerprint64(schema));
		Entity entity = new Entity(schema, id, Collections.unmodifiableMap(fields));
		byId.put(id, schema);
		byEntity.put(entityName, entity);
		return entity;
	}

	Optional<Schema> byId(String schemaId) {
		return Optional.ofNullable(byId.get(schemaId));
	}

	Optional<Entity> current(String entityName) {
		return Optional.ofNullable(byEntity.get(entityName));
	}

	/** The event's field that carries {@code field}: its compound field for a part of one, else the field itself. */
	static String topLevel(String entityName, String field) {
		return CompoundFields.of(entityName, field).map(CompoundFields.Part::compound).orElse(field);
	}

	private static Schema build(String entityName, Map<String, Schema.Type> fields) {
		List<Schema.Field> list = new ArrayList<>();
		list.add(new Schema.Field("ChangeEventHeader", HEADER, "Salesforce change event header", (Object) null));
		fields.forEach((name, type) -> list.add(new Schema.Field(name,
				Schema.createUnion(Schema.create(Schema.Type.NULL), type == Schema.Type.RECORD ? compound(name) : Schema.create(type)), null,
				Schema.Field.NULL_DEFAULT_VALUE)));
		return Schema.createRecord(eventName(entityName), "Change event of " + entityName, "com.sforce.eventbus", false, list);
	}

	/** {@code Contact} → {@code ContactChangeEvent}, {@code Foo__c} → {@code Foo__ChangeEvent}. */
	static String eventName(String entityName) {
		return entityName.endsWith("__c") ? entityName.substring(0, entityName.length() - 1) + "ChangeEvent"
				: entityName + "ChangeEvent";
	}

	/** Salesforce's nested record of a compound field: {@code Address} or {@code Switchable_PersonName}. */
	private static Schema compound(String name) {
		return name.endsWith("Address") ? ADDRESS : PERSON_NAME;
	}

	private static Schema record(String name, List<String> parts) {
		List<Schema.Field> fields = new ArrayList<>();
		for (String part : parts) {
			Schema.Type type = part.equals("Latitude") || part.equals("Longitude") ? Schema.Type.DOUBLE : Schema.Type.STRING;
			fields.add(new Schema.Field(part, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(type)), null,
					Schema.Field.NULL_DEFAULT_VALUE));
		}
		return Schema.createRecord(name, null, "com.sforce.eventbus", false, fields);
	}

	private static Schema.Type typeOf(String entityName, String field, Object value) {
		if (CompoundFields.of(entityName, field).isPresent()) {
			return Schema.Type.RECORD;
		}
		return typeOf(value);
	}

	private static Schema.Type typeOf(Object value) {
		if (value instanceof Boolean) {
			return Schema.Type.BOOLEAN;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return Schema.Type.LONG;
		}
		if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
			return Schema.Type.DOUBLE;
		}
		return Schema.Type.STRING;
	}

	private static Schema loadHeader() {
		try (InputStream in = ChangeEventSchemas.class.getResourceAsStream("/avro/ChangeEventHeader.avsc")) {
			return new Schema.Parser().parse(in);
		}
		catch (IOException e) {
			throw new IllegalStateException("ChangeEventHeader.avsc is part of this module", e);
		}
	}
}
