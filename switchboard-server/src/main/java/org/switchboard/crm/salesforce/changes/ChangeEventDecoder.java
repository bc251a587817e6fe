package org.switchboard.crm.salesforce.changes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

import dev.switchboard.salesforce.pubsub.FieldBitmap;

/**
 * Reads a change event's Avro payload with the schema it was written with and resolves the header's bitmaps
 * ({@code changedFields}, {@code nulledFields}) to field names with that same schema.
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
		List<String> changed = FieldBitmap.decode(schema, strings(header.get("changedFields")));
		List<String> nulled = FieldBitmap.decode(schema, strings(header.get("nulledFields")));
		Map<String, Object> values = new LinkedHashMap<>();
		for (Schema.Field field : schema.getFields()) {
			Object value = plain(event.get(field.pos()));
			if (field.pos() > 0 && value != null && !(value instanceof GenericRecord)) {
				values.put(field.name(), value);
			}
		}
		nulled.forEach(name -> values.put(name, null));
		return new CdcEvent(header.get("entityName").toString(), strings(header.get("recordIds")), header.get("changeType").toString(),
				changed, values, header.get("commitUser").toString(), Instant.ofEpochMilli((Long) header.get("commitTimestamp")),
				header.get("transactionKey").toString(), header.get("changeOrigin") == null ? "" : header.get("changeOrigin").toString());
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
