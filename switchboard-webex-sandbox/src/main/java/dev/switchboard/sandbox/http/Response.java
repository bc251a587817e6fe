package dev.switchboard.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, extra headers, and a JSON value (or raw bytes) for the body. */
public record Response(int status, Map<String, String> headers, Object json, byte[] raw, String contentType) {

	public static Response ok(Object json) {
		return new Response(200, new LinkedHashMap<>(), json, null, null);
	}

	public static Response noContent() {
		return new Response(204, new LinkedHashMap<>(), null, null, null);
	}

	public static Response bytes(byte[] raw, String contentType, String fileName) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		return new Response(200, headers, null, raw, contentType);
	}

	public Response withHeader(String name, String value) {
		headers.put(name, value);
		return this;
	}
}
