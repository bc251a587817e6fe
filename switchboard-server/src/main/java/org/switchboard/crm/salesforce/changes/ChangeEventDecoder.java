package org.switchboard.crm.salesforce.changes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

import dev.switchboard.salesforce.pubsub.CompoundFields;
import dev.switchboard.salesforce.pubsub.FieldBitmap;

/**
 * Reads a change event's Avro payload with the schema it was written with and resolves the header's bitmaps
 * ({@code changedFields}, {@code nulledFields}, {@code diffFields}) to field names with that same schema. Compound
 * fields (addresses, a person's name) arrive as nested records and are reported as the object's own fields
 * ({@code BillingAddress.City} → {@code BillingCity}), so that rules name fields as the object describes them.
 */
class ChangeEventDecoder {

	private final Map<Schema, GenericDatumReader<GenericRecord>> readers = new HashMap<>();

	synchronized CdcEvent decode(Schema schema, byte[] payload) {
		GenericRecord event;
		try {
			event = readers.computeIfAbsent(schema, GenericDatumReader::new).read(null, DecoderFactory.get().binaryDecoder(payload, null));
		}
		catch (IOException e) {
			throw new IllegalStateException("A change event does not match its schema " + schema.getFullName() + ": " + e.getMessage(), e);
		}
		GenericRecord header = (GenericRecord) event.get("ChangeEventHeader");
		List<String> changed = flat(FieldBitmap.decode(schema, strings(header.get("changedFields"))));
		List<String> nulled = flat(FieldBitmap.decode(schema, strings(header.get("nulledFields"))));
		List<String> diffs = flat(FieldBitmap.decode(schema, header.get("diffFields") == null ? List.of() : strings(header.get("diffFields"))));
		Map<String, Object> values = new LinkedHashMap<>();
		for (Schema.Field field : schema.getFields()) {
			Object value = plain(event.get(field.pos()));
			if (field.pos() > 0 && value instanceof GenericRecord compound) {
				for (Schema.Field part : compound.getSchema().getFields()) {
					Object partValue = plain(compound.get(part.pos()));
					if (partValue != null) {
						values.put(CompoundFields.flatName(field.name(), part.name()), partValue);
					}
				}
			}
			else if (field.pos() > 0 && value != null) {
				values.put(field.name(), value);
			}
		}
		nulled.forEach(name -> values.put(name, null));
		return new CdcEvent(header.get("entityName").toString(), strings(header.get("recordIds")), header.get("changeType").toString(),
				changed, values, header.get("commitUser").toString(), Instant.ofEpochMilli((Long) header.get("commitTimestamp")),
				header.get("transactionKey").toString(), header.get("changeOrigin") == null ? "" : header.get("changeOrigin").toString(), diffs);
	}

	/**
	 * Field names as the object has them: a compound's parts ({@code BillingAddress.City}) become the object's fields
	 * ({@code BillingCity}), and the compound's own name is dropped when its parts are listed.
	 */
	private static List<String> flat(List<String> names) {
		Set<String> compoundsWithParts = new HashSet<>();
		names.stream().filter(n -> n.contains(".")).forEach(n -> compoundsWithParts.add(n.substring(0, n.indexOf('.'))));
		List<String> flat = new ArrayList<>();
		for (String name : names) {
			int dot = name.indexOf('.');
			if (dot > 0) {
				flat.add(CompoundFields.flatName(name.substring(0, dot), name.substring(dot + 1)));
			}
			else if (!compoundsWithParts.contains(name)) {
				flat.add(name);
			}
		}
		return flat;
	}

	private static List<String> strings(Object array) {
		List<String> list = new ArrayList<>();
		((Iterable<?>) array).forEach(item -> list.add(item.toString()));
		return list;
	}

	private static Object plain(Object value) {
		return value instanceof Utf8 || value instanceof CharSequence ? value.toString() : value;
	}
}
