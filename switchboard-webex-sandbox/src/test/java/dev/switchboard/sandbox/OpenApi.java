package dev.switchboard.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.databind.JsonNode;

/**
 * Cisco's OpenAPI documents (the project's {@code ../shared/reference/webex-openapi}): validates an answer body
 * against the 200 response schema of an operation, e.g. {@code errors("messaging", "get", "/rooms", body)}.
 */
final class OpenApi {

	private static final String BASE = "https://openapi.webex.invalid/";
	private static final Path DIRECTORY = find();
	private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi30(),
			builder -> builder.schemas(iri -> iri.startsWith(BASE) ? DOCUMENTS.computeIfAbsent(iri, OpenApi::read) : null));
	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private OpenApi() {
	}

	/** The validation errors of {@code body} as the 200 answer of {@code method path} in {@code webex-<spec>.json}. */
	static List<String> errors(String spec, String method, String path, JsonNode body) {
		org.junit.jupiter.api.Assumptions.assumeTrue(DIRECTORY != null, "Cisco's OpenAPI documents are not in any parent's "
				+ "shared/reference/webex-openapi (a checkout outside the workspace); set -Dwebex.openapi.dir to check answers against them");
		Schema schema = SCHEMAS.computeIfAbsent(spec + " " + method + " " + path, k -> REGISTRY.getSchema(SchemaLocation.of(
				BASE + "webex-" + spec + ".json#/paths/" + escape(path) + "/" + method + "/responses/200/content/"
						+ escape(jsonMediaType(spec, method, path)) + "/schema")));
		return schema.validate(body).stream().map(Error::toString).toList();
	}

	/** The JSON media type the document keys this answer by: {@code application/json}, some with a charset. */
	private static String jsonMediaType(String spec, String method, String path) {
		JsonNode content = SandboxClient.JSON.readTree(DOCUMENTS.computeIfAbsent(BASE + "webex-" + spec + ".json", OpenApi::read))
			.path("paths").path(path).path(method).path("responses").path("200").path("content");
		return content.propertyNames().stream().filter(t -> t.startsWith("application/json")).findFirst()
			.orElseThrow(() -> new IllegalStateException(method + " " + path + " has no JSON 200 answer in webex-" + spec + ".json"));
	}

	private static String escape(String pointerToken) {
		return pointerToken.replace("~", "~0").replace("/", "~1");
	}

	private static String read(String iri) {
		try {
			return Files.readString(DIRECTORY.resolve(iri.substring(BASE.length())));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static Path find() {
		String configured = System.getProperty("webex.openapi.dir");
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/reference/webex-openapi");
			if (Files.isRegularFile(candidate.resolve("webex-messaging.json"))) {
				return candidate;
			}
		}
		return null;
	}
}
