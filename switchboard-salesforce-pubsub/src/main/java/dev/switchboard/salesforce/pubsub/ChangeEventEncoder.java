package dev.switchboard.salesforce.pubsub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes a {@link RecordChange} as Salesforce's Avro change event: header with bitmaps, then every field (unchanged =
 * null), compound fields as nested records and large text updates as diffs.
 */
final class ChangeEventEncoder {

	private static final Set<String> CHANGE_TYPES = Set.of("CREATE", "UPDATE", "DELETE", "UNDELETE", "GAP_CREATE",
			"GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW");

	private final ChangeEventSchemas schemas;
	private final Map<String, Map<String, String>> texts = new HashMap<>();

	ChangeEventEncoder(ChangeEventSchemas schemas) {
		this.schemas = schemas;
	}

	record Encoded(String schemaId, byte[] payload) {
	}

	/**
	 * Encodes the change. Parts of compound fields go into their nested record (bitmaps: the compound's top-level bit
	 * and a nested {@code "<pos>-0x…"} entry); an update of a large text field whose value before is known is sent as
	 * Salesforce's diff and listed in {@code diffFields}.
	 */
	synchronized Encoded encode(RecordChange change, long commitNumber) {
		validate(change);
		String entityName = change.entityName();
		Map<String, Object> values = new LinkedHashMap<>(change.changedValues() == null ? Map.of() : change.changedValues());
		List<String> changedFields = new ArrayList<>(change.changedFields() == null ? List.of() : change.changedFields());
		if (CompoundFields.personName(entityName)) {
			values.remove("Name"); // a person's Name is the compound of its parts
			changedFields.remove("Name");
		}
		ChangeEventSchemas.Entity entity = schemas.schemaFor(entityName, values, changedFields);
		Schema schema = entity.schema();
		GenericRecord event = new GenericData.Record(schema);
		Bitmap changed = new Bitmap();
		Bitmap nulled = new Bitmap();
		Bitmap diffs = new Bitmap();
		boolean update = change.changeType().equals("UPDATE");
		String single = change.recordIds().size() == 1 ? change.recordIds().get(0) : null;
		values.forEach((name, value) -> {
			Optional<CompoundFields.Part> part = CompoundFields.of(entityName, name);
			if (part.isPresent()) {
				Schema.Field compound = schema.getField(part.get().compound());
				GenericRecord nested = nested(event, compound);
				Schema.Field inner = nested.getSchema().getField(part.get().part());
				nested.put(inner.pos(), convert(value, typeOf(inner)));
				if (value == null && update) {
					nulled.nested(compound.pos(), inner.pos());
				}
				return;
			}
			Object written = value;
			if (update && single != null && value instanceof String text) {
				Optional<String> diff = TextDiff.of(texts.getOrDefault(single, Map.of()).get(name), text);
				if (diff.isPresent()) {
					written = diff.get();
					diffs.top(schema.getField(name).pos());
				}
			}
			event.put(name, convert(written, entity.fields().get(name)));
			if (value == null && update) {
				nulled.top(schema.getField(name).pos());
			}
		});
		if (update) {
			changedFields.forEach(name -> {
				Optional<CompoundFields.Part> part = CompoundFields.of(entityName, name);
				Schema.Field field = schema.getField(part.map(CompoundFields.Part::compound).orElse(name));
				changed.top(field.pos());
				part.ifPresent(p -> changed.nested(field.pos(), recordOf(field.schema()).getField(p.part()).pos()));
			});
		}
		rememberTexts(change, values);
		event.put("ChangeEventHeader", header(change, commitNumber, changed.entries(), nulled.entries(), diffs.entries()));
		return new Encoded(entity.schemaId(), write(schema, event));
	}

	/** Keeps the large text values of each record, the "before" of the next update's diff. */
	private void rememberTexts(RecordChange change, Map<String, Object> values) {
		for (String id : change.recordIds()) {
			if (change.changeType().contains("DELETE")) {
				texts.remove(id);
				continue;
			}
			values.forEach((name, value) -> {
				if (value instanceof String text && text.length() >= TextDiff.MIN_LENGTH) {
					texts.computeIfAbsent(id, k -> new HashMap<>()).put(name, text);
				}
				else if (texts.containsKey(id)) {
					texts.get(id).remove(name);
				}
			});
		}
	}

	private static GenericRecord nested(GenericRecord event, Schema.Field compound) {
		GenericRecord nested = (GenericRecord) event.get(compound.pos());
		if (nested == null) {
			nested = new GenericData.Record(recordOf(compound.schema()));
			event.put(compound.pos(), nested);
		}
		return nested;
	}

	private static Schema recordOf(Schema union) {
		return union.getTypes().stream().filter(t -> t.getType() == Schema.Type.RECORD).findFirst().orElseThrow();
	}

	private static Schema.Type typeOf(Schema.Field field) {
		return field.schema().getTypes().stream().map(Schema::getType).filter(t -> t != Schema.Type.NULL).findFirst().orElseThrow();
	}

	/** Top-level positions plus nested positions per compound field, as bitmap entries. */
	private static final class Bitmap {

		private final Set<Integer> top = new TreeSet<>();
		private final Map<Integer, Set<Integer>> nested = new TreeMap<>();

		void top(int position) {
			top.add(position);
		}

		void nested(int parent, int position) {
			nested.computeIfAbsent(parent, k -> new TreeSet<>()).add(position);
		}

		List<String> entries() {
			List<String> entries = new ArrayList<>(FieldBitmap.encode(top));
			nested.forEach((parent, positions) -> entries.add(FieldBitmap.encodeNested(parent, positions)));
			return entries;
		}
	}

	private GenericRecord header(RecordChange change, long commitNumber, List<String> changed, List<String> nulled, List<String> diffs) {
		Schema headerSchema = ChangeEventSchemas.HEADER;
		GenericRecord header = new GenericData.Record(headerSchema);
		header.put("entityName", change.entityName());
		header.put("recordIds", List.copyOf(change.recordIds()));
		header.put("changeType", new GenericData.EnumSymbol(headerSchema.getField("changeType").schema(), change.changeType()));
		header.put("changeOrigin", change.changeOrigin());
		header.put("transactionKey", change.transactionKey() == null ? "" : change.transactionKey());
		header.put("sequenceNumber", 1);
		header.put("commitTimestamp", change.commitTimestamp());
		header.put("commitNumber", commitNumber);
		header.put("commitUser", change.commitUserId() == null ? "" : change.commitUserId());
		header.put("nulledFields", nulled);
		header.put("diffFields", diffs);
		header.put("changedFields", changed);
		return header;
	}

	private static void validate(RecordChange change) {
		if (change.entityName() == null || change.entityName().isBlank()) {
			throw new IllegalArgumentException("A change needs the entity name (an object API name such as Contact)");
		}
		if (change.recordIds() == null || change.recordIds().isEmpty()) {
			throw new IllegalArgumentException("A change of " + change.entityName() + " names no record id");
		}
		if (change.changeType() == null || !CHANGE_TYPES.contains(change.changeType())) {
			throw new IllegalArgumentException("Unknown change type " + change.changeType() + "; one of " + CHANGE_TYPES);
		}
	}

	private static Object convert(Object value, Schema.Type type) {
		if (value == null) {
			return null;
		}
		return switch (type) {
			case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
			case LONG -> value instanceof Number n ? n.longValue() : Long.valueOf(value.toString());
			case DOUBLE -> value instanceof Number n ? n.doubleValue() : new BigDecimal(value.toString()).doubleValue();
			default -> value.toString();
		};
	}

	private static byte[] write(Schema schema, GenericRecord event) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		try {
			new GenericDatumWriter<GenericRecord>(schema).write(event, encoder);
			encoder.flush();
		}
		catch (IOException e) {
			throw new IllegalStateException("Writing to memory does not fail", e);
		}
		return out.toByteArray();
	}
}
