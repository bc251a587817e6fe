package org.switchboard.notifications.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;

/**
 * Identifies one record change (record, time, and each field's old and new value) as 64 hex digits, so that the
 * same change handled twice maps to the same outbox rows and is queued once.
 */
final class ChangeKey {

	private ChangeKey() {
	}

	static String of(RecordChanged change) {
		StringBuilder identity = new StringBuilder().append(change.object()).append('\u0000').append(change.recordId())
			.append('\u0000').append(change.changedAt());
		for (Map.Entry<String, FieldChange> field : new TreeMap<>(change.changes()).entrySet()) {
			identity.append('\u0000').append(field.getKey()).append('\u0001').append(field.getValue().oldValue())
				.append('\u0001').append(field.getValue().newValue());
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
