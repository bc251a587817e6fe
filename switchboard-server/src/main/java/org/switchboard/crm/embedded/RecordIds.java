package org.switchboard.crm.embedded;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Salesforce-shaped record ids: the object's 3-character key prefix, 12 base-62 characters, and the
 * 3-character case checksum that makes the 18-character form safe in case-insensitive places.
 * Numbers come in blocks from a database sequence, so several replicas never hand out the same id.
 */
class RecordIds {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
	private static final int BLOCK_SIZE = 10_000;
	/** An id starts with its object's key prefix of this many characters. */
	static final int KEY_PREFIX_LENGTH = 3;

	private final JdbcClient jdbc;
	private long next;
	private long blockEnd;

	RecordIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	synchronized String next(String keyPrefix) {
		if (next >= blockEnd) {
			long block = jdbc.sql("SELECT NEXTVAL('crm_id_block_seq')").query(Long.class).single();
			next = block * BLOCK_SIZE;
			blockEnd = next + BLOCK_SIZE;
		}
		return withChecksum(keyPrefix + base62(next++, 12));
	}

	/** Accepts a 15- or 18-character id and returns the 18-character form, or null if it is neither. */
	static String canonical(String id) {
		if (id == null) {
			return null;
		}
		if (id.length() == 15 && isBase62(id)) {
			return withChecksum(id);
		}
		if (id.length() == 18 && isBase62(id) && withChecksum(id.substring(0, 15)).equals(id)) {
			return id;
		}
		return null;
	}

	static String withChecksum(String id15) {
		StringBuilder id = new StringBuilder(id15);
		for (int chunk = 0; chunk < 3; chunk++) {
			int bits = 0;
			for (int i = 0; i < 5; i++) {
				char c = id15.charAt(chunk * 5 + i);
				if (c >= 'A' && c <= 'Z') {
					bits |= 1 << i;
				}
			}
			id.append(CHECKSUM_ALPHABET.charAt(bits));
		}
		return id.toString();
	}

	static String base62(long value, int width) {
		char[] out = new char[width];
		for (int i = width - 1; i >= 0; i--) {
			out[i] = BASE62.charAt((int) (value % 62));
			value /= 62;
		}
		return new String(out);
	}

	private static boolean isBase62(String s) {
		return s.chars().allMatch(c -> BASE62.indexOf(c) >= 0);
	}
}
