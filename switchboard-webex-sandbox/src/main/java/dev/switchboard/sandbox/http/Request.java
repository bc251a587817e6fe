package dev.switchboard.sandbox.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP request as the handlers see it: method, path parameters, query, headers, raw body. */
public record Request(String method, URI uri, Map<String, String> pathParams, Map<String, List<String>> headers,
		byte[] body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern BEARER = Pattern.compile("(?i:Bearer) ([A-Za-z0-9\\-._~+/]+=*)");
	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

	public String path(String name) {
		return pathParams.get(name);
	}

	public String query(String name) {
		return queryParams().get(name);
	}

	public int queryInt(String name, int fallback, int min, int max) {
		String value = query(name);
		if (value == null) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value);
			if (parsed < min || parsed > max) {
				throw ApiError.badRequest("'" + name + "' must be between " + min + " and " + max);
			}
			return parsed;
		}
		catch (NumberFormatException e) {
			throw ApiError.badRequest("'" + name + "' must be a number");
		}
	}

	public String header(String name) {
		return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
			.flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
	}

	/**
	 * The token of {@code Authorization: Bearer <token>}, parsed as strictly as Webex: exactly one Authorization
	 * header, the scheme {@code Bearer} (case-insensitive, RFC 7235), one space, and an RFC 6750 token with
	 * nothing around it. Anything else is no token.
	 */
	public String bearerToken() {
		List<String> values = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
			.flatMap(e -> e.getValue().stream()).toList();
		if (values.size() != 1) {
			return null;
		}
		Matcher m = BEARER.matcher(values.get(0));
		return m.matches() ? m.group(1) : null;
	}

	/** The scheme, host and port the client called, e.g. {@code http://localhost:8090}; Link and file URLs use it. */
	public String baseUrl() {
		String host = header("Host");
		return "http://" + (host == null || !HOST.matcher(host).matches() ? "localhost" : host);
	}

	/** A required query parameter: missing or blank is a 400 naming it. */
	public String requiredQuery(String name) {
		String value = query(name);
		if (value == null || value.isBlank()) {
			throw ApiError.badRequest(name + " is required");
		}
		return value;
	}

	/** The body as a JSON object; malformed JSON is a 400 with Webex's error body. */
	public JsonNode json() {
		try {
			JsonNode node = body.length == 0 ? null : JSON.readTree(body);
			if (node == null || !node.isObject()) {
				throw ApiError.badRequest("The request body must be a JSON object");
			}
			return node;
		}
		catch (JacksonException e) {
			throw ApiError.badRequest("The request body is not valid JSON");
		}
	}

	/** A required string field of the JSON body. */
	public String required(JsonNode json, String field) {
		String value = json.path(field).asString(null);
		if (value == null || value.isBlank()) {
			throw ApiError.badRequest(field + " is required");
		}
		return value;
	}

	public Map<String, String> queryParams() {
		Map<String, String> params = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw == null || raw.isEmpty()) {
			return params;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.putIfAbsent(key, value);
		}
		return params;
	}
}
