package dev.switchboard.salesforce.pubsub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Writes a {@link RecordChange} as Salesforce's Avro change event: header with bitmaps, then every field (unchanged = null). */
final class ChangeEventEncoder {

	private static final Set<String> CHANGE_TYPES = Set.of("CREATE", "UPDATE", "DELETE", "UNDELETE", "GAP_CREATE",
			"GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW");

	private final ChangeEventSchemas schemas;
	ChangeEventEncoder(ChangeEventSchemas schemas) {
		this.schemas = schemas;
	}

	record Encoded(String schemaId, byte[] payload) {
	}

	Encoded encode(RecordChange change, long commitNumber) {
		validate(change);
		Map<String, Object> values = change.changedValues() == null ? Map.of() : change.changedValues();
		List<String> changedFields = change.changedFields() == null ? List.of() : change.changedFields();
		ChangeEventSchemas.Entity entity = schemas.schemaFor(change.entityName(), values, changedFields);
		Schema schema = entity.schema();
		GenericRecord event = new GenericData.Record(schema);
		List<Integer> changed = new ArrayList<>();
		List<Integer> nulled = new ArrayList<>();
		boolean update = change.changeType().equals("UPDATE");
		values.forEach((name, value) -> {
			Schema.Field field = schema.getField(name);
			event.put(name, convert(value, entity.fields().get(name)));
			if (value == null && update) {
				nulled.add(field.pos());
			}
		});
		if (update) {
			changedFields.forEach(name -> changed.add(schema.getField(name).pos()));
		}
		event.put("ChangeEventHeader", header(change, commitNumber, changed, nulled));
		return new Encoded(entity.schemaId(), write(schema, event));
	}

	private GenericRecord header(RecordChange change, long commitNumber, List<Integer> changed, List<Integer> nulled) {
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
		header.put("nulledFields", FieldBitmap.encode(nulled));
		header.put("diffFields", List.of());
		header.put("changedFields", FieldBitmap.encode(changed));
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
