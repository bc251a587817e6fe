package dev.switchboard.salesforce.sandbox.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One request as a handler sees it: method, path groups, query and form parameters, headers and body. */
public record Call(String method, URI uri, Matcher path, Map<String, List<String>> headers, byte[] body) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	public String group(int index) {
		return path.group(index);
	}

	public String header(String name) {
		return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
			.flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
	}

	public String query(String name) {
		return parse(uri.getRawQuery()).get(name);
	}

	public Map<String, String> form() {
		return parse(new String(body, StandardCharsets.UTF_8));
	}

	public String bodyText() {
		return new String(body, StandardCharsets.UTF_8);
	}

	/** The bearer token, or null. */
	public String bearer() {
		String value = header("Authorization");
		return value != null && value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
	}

	/** {@code [user, password]} of an HTTP Basic header, or null. */
	public String[] basic() {
		String value = header("Authorization");
		if (value == null || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The body as JSON; anything unparsable is Salesforce's 400 JSON_PARSER_ERROR. */
	public JsonNode json() {
		try {
			JsonNode node = body.length == 0 ? null : JSON.readTree(body);
			if (node == null) {
				throw SfError.of(400, "JSON_PARSER_ERROR", "The request body is empty");
			}
			return node;
		}
		catch (JacksonException e) {
			throw SfError.of(400, "JSON_PARSER_ERROR", "Unexpected character in the request body");
		}
	}

	private static Map<String, String> parse(String raw) {
		Map<String, String> params = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return params;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			params.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}
}
