package dev.switchboard.salesforce.sandbox.records;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: a 3-character key prefix, a 12-character case-sensitive body (15 in all), and a
 * 3-character suffix that encodes which of the 15 characters are upper case, so that the 18-character form
 * survives case-insensitive handling.
 */
public final class Ids {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

	private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

	/** A new 18-character id with this key prefix. */
	public String next(String keyPrefix) {
		long n = counters.computeIfAbsent(keyPrefix, k -> new AtomicLong(3_000_000L)).incrementAndGet() * 7_919L;
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 9; i++) {
			body.insert(0, BASE62.charAt((int) (n % 62)));
			n /= 62;
		}
		return withSuffix(keyPrefix + "8d0" + body);
	}

	/** The 15-character id with its checksum suffix appended. */
	public static String withSuffix(String id15) {
		StringBuilder suffix = new StringBuilder(3);
		for (int block = 0; block < 15; block += 5) {
			int bits = 0;
			for (int i = 0; i < 5; i++) {
				char c = id15.charAt(block + i);
				bits |= (c >= 'A' && c <= 'Z') ? 1 << i : 0;
			}
			suffix.append(SUFFIX.charAt(bits));
		}
		return id15 + suffix;
	}

	/**
	 * The canonical 18-character id for a 15-character id, or for an 18-character id in any letter case (the suffix
	 * says which letters were upper case); null for anything that is not an id.
	 */
	public static String canonical(String id) {
		if (id == null || !id.matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
			return null;
		}
		if (id.length() == 15) {
			return withSuffix(id);
		}
		String suffix = id.substring(15).toUpperCase(java.util.Locale.ROOT);
		StringBuilder body = new StringBuilder(15);
		for (int i = 0; i < 15; i++) {
			int bits = SUFFIX.indexOf(suffix.charAt(i / 5));
			char c = id.charAt(i);
			body.append(bits >= 0 && (bits & (1 << (i % 5))) != 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
		}
		String canonical = withSuffix(body.toString());
		return canonical.substring(15).equals(suffix) ? canonical : null;
	}
}
