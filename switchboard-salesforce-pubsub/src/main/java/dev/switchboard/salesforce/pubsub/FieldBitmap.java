package dev.switchboard.salesforce.pubsub;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.avro.Schema;

/**
 * Salesforce's bitmap form of {@code changedFields}, {@code nulledFields} and {@code diffFields} in Pub/Sub change
 * events: {@code "0x…"} is a hexadecimal number whose bit <i>n</i> marks the schema's top-level field at position
 * <i>n</i>; {@code "4-0x…"} marks fields of the nested record at top-level position 4 (compound fields such as a
 * Name). Decoded names of nested fields read {@code Parent.Child}.
 */
public final class FieldBitmap {

	private FieldBitmap() {
	}

	/** The bitmap entries for the given top-level field positions (one entry, or none when there are none). */
	public static List<String> encode(Collection<Integer> positions) {
		if (positions.isEmpty()) {
			return List.of();
		}
		BigInteger bits = BigInteger.ZERO;
		for (int position : positions) {
			bits = bits.setBit(position);
		}
		String hex = bits.toString(16).toUpperCase();
		return List.of("0x" + (hex.length() % 2 == 1 ? "0" + hex : hex));
	}

	/** The bitmap entry for fields of the nested record at top-level position {@code parent}: {@code "<parent>-0x…"}. */
	public static String encodeNested(int parent, Collection<Integer> positions) {
		return parent + "-" + encode(positions).get(0);
	}

	/** The field names an event's bitmap entries mark, in schema order; entries that are plain names pass through. */
	public static List<String> decode(Schema eventSchema, List<? extends CharSequence> entries) {
		List<String> names = new ArrayList<>();
		for (CharSequence raw : entries) {
			String entry = raw.toString();
			if (entry.startsWith("0x")) {
				names.addAll(namesAt(eventSchema, bits(entry), ""));
			}
			else if (entry.matches("\\d+-0x[0-9A-Fa-f]+")) {
				int dash = entry.indexOf('-');
				Schema.Field parent = eventSchema.getFields().get(Integer.parseInt(entry.substring(0, dash)));
				names.addAll(namesAt(recordOf(parent.schema()), bits(entry.substring(dash + 1)), parent.name() + "."));
			}
			else {
				names.add(entry);
			}
		}
		return names;
	}

	private static BigInteger bits(String hex) {
		return new BigInteger(hex.substring(2), 16);
	}

	private static List<String> namesAt(Schema record, BigInteger bits, String prefix) {
		List<Schema.Field> fields = record.getFields();
		List<String> names = new ArrayList<>();
		for (int position = bits.getLowestSetBit(); position >= 0 && position < bits.bitLength(); position++) {
			if (bits.testBit(position)) {
				if (position >= fields.size()) {
					throw new IllegalArgumentException("Bitmap marks field " + position + " but " + record.getName() + " has "
							+ fields.size() + " fields: the event was not written with this schema");
				}
				names.add(prefix + fields.get(position).name());
			}
		}
		return names;
	}

	private static Schema recordOf(Schema schema) {
		if (schema.getType() == Schema.Type.UNION) {
			return schema.getTypes().stream().filter(s -> s.getType() == Schema.Type.RECORD).findFirst().orElseThrow();
		}
		return schema;
	}
}
