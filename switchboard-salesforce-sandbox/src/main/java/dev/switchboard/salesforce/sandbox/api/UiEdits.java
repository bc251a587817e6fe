package dev.switchboard.salesforce.sandbox.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.salesforce.sandbox.http.Reply;
import dev.switchboard.salesforce.sandbox.http.Routes;
import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;

/**
 * The org's own user interface, for a demo or a walk by hand: {@code GET /sandbox/records/{object}/{id}} shows a
 * record as stored, {@code PATCH} edits it as a user in Salesforce would (no API client, so its change event names no
 * client and reaches Switchboard only through Change Data Capture). No token needed, like the other controls.
 */
public final class UiEdits {

	private static final String RECORD = "/sandbox/records/(\\w+)/(\\w+)/?";

	private UiEdits() {
	}

	public static void routes(Routes routes, RecordStore store, String userId) {
		routes.on("GET", RECORD, null, call -> Reply.ok(stored(store, call.group(1), call.group(2))));
		routes.on("PATCH", RECORD, null, call -> {
			ObjectSpec object = store.schema().require(call.group(1));
			store.transaction(userId, w -> {
				w.update(object, call.group(2), call.json());
				return null;
			});
			return Reply.ok(stored(store, call.group(1), call.group(2)));
		});
	}

	/** The record's fields as stored, after Salesforce's {@code attributes} (its type). */
	private static Map<String, Object> stored(RecordStore store, String object, String id) {
		store.schema().require(object);
		Map<String, Object> record = store.find(id).filter(r -> object.equals(RecordStore.type(r)))
			.orElseThrow(() -> SfError.of(404, "NOT_FOUND", "The requested resource does not exist"));
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("attributes", Map.of("type", object));
		record.forEach((field, value) -> {
			if (!field.contains(".")) {
				shown.put(field, value);
			}
		});
		return shown;
	}
}
