package dev.switchboard.salesforce.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, extra headers and a body (JSON value, or raw bytes with a content type). */
public record Reply(int status, Map<String, String> headers, Object json, byte[] raw, String contentType) {

	public static Reply json(int status, Object body) {
		return new Reply(status, new LinkedHashMap<>(), body, null, null);
	}

	public static Reply ok(Object body) {
		return json(200, body);
	}

	public static Reply noContent() {
		return new Reply(204, new LinkedHashMap<>(), null, null, null);
	}

	public static Reply text(int status, String body, String contentType) {
		return new Reply(status, new LinkedHashMap<>(), null, body.getBytes(StandardCharsets.UTF_8), contentType);
	}

	public static Reply redirect(String location) {
		Reply reply = new Reply(302, new LinkedHashMap<>(), null, null, null);
		reply.headers().put("Location", location);
		return reply;
	}

	public Reply header(String name, String value) {
		headers.put(name, value);
		return this;
	}
}
