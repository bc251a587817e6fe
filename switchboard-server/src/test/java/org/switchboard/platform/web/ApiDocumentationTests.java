package org.switchboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is generated from the handlers, so it must name every {@code /api} operation the server has
 * (whichever branch added it) and describe what the typed endpoints really return.
 */
class ApiDocumentationTests extends EmbeddedServerTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private JsonNode doc;

	@BeforeEach
	void readDocument() {
		ApiClient.Response response = api().get(ApiClient.AGENT, "/api/openapi.json");
		assertThat(response.status()).isEqualTo(200);
		doc = response.json();
	}

	@Test
	void theDocumentIsOpenApi31WithBasicAndSessionSecurityAndProblemDetails() {
		assertThat(doc.get("openapi").asString()).startsWith("3.1");
		JsonNode schemes = doc.at("/components/securitySchemes");
		assertThat(schemes.at("/basic/type").asString()).isEqualTo("http");
		assertThat(schemes.at("/basic/scheme").asString()).isEqualTo("basic");
		assertThat(schemes.at("/session/in").asString()).isEqualTo("cookie");
		assertThat(doc.at("/components/schemas/Problem/properties").propertyNames()).contains("status", "title", "detail", "errors");
		JsonNode createRule = doc.at("/paths/~1api~1admin~1notifications~1rules/post");
		assertThat(createRule.at("/responses/400/content").propertyNames()).containsExactly("application/problem+json");
		assertThat(createRule.at("/requestBody/content/application~1json/schema/$ref").asString()).endsWith("/RuleRequest");
	}

	@Test
	void everyApiOperationOfTheServerIsInTheDocument() {
		List<String> operations = new ArrayList<>();
		ours().forEach(info -> operations.addAll(operationsOf(info)));
		assertThat(operations).as("the server's /api operations").hasSizeGreaterThan(40);

		List<String> missing = operations.stream().filter(op -> !documented(op)).toList();
		assertThat(missing).as("operations missing from /api/openapi.json").isEmpty();
	}

	@Test
	void theDocumentNamesNoOperationTheServerDoesNotHave() {
		Set<String> served = new HashSet<>();
		ours().forEach(info -> served.addAll(operationsOf(info)));
		List<String> extra = new ArrayList<>();
		doc.get("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method -> {
			String op = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
			if (path.getKey().startsWith("/api/") && isHttpMethod(method) && !served.contains(op)) {
				extra.add(op);
			}
		}));
		assertThat(extra).isEmpty();
	}

	@Test
	void documentedFieldsAreTheFieldsTheTypedEndpointsReturn() {
		String ruleId = api().send(ApiClient.ADMIN, "POST", "/api/admin/notifications/rules",
				"{\"name\":\"Docs check\",\"object\":\"Opportunity\",\"trackedFields\":[\"StageName\"],\"template\":\"Now [[StageName]]\",\"active\":false}")
			.json().get("id").asString();
		try {
			assertFieldsMatch(ApiClient.ADMIN, "/api/admin/notifications/rules/{id}", "put",
					api().send(ApiClient.ADMIN, "PUT", "/api/admin/notifications/rules/" + ruleId,
							"{\"name\":\"Docs check\",\"object\":\"Opportunity\",\"trackedFields\":[\"StageName\"],\"template\":\"Now [[StageName]]\",\"active\":false}")
						.json());
			assertFieldsMatch("/api/admin/notifications/rules", "/rules/0", ApiClient.ADMIN);
		}
		finally {
			api().send(ApiClient.ADMIN, "DELETE", "/api/admin/notifications/rules/" + ruleId, null);
		}
		assertFieldsMatch("/api/admin/audit", "/0", ApiClient.ADMIN);

		ApiClient.Response dialed = api().send(ApiClient.AGENT, "POST", "/api/calling/calls", "{\"to\":\"+14155550100\"}");
		assertThat(dialed.status()).as(dialed.body()).isEqualTo(201);
		String callId = dialed.json().get("callId").asString();
		try {
			assertFieldsMatch("/api/calling/calls/" + callId, "", ApiClient.AGENT);
			assertFieldsMatch("/api/calling/calls", "/calls/0", ApiClient.AGENT);
		}
		finally {
			api().send(ApiClient.AGENT, "POST", "/api/calling/calls/" + callId + "/hangup", "{}");
		}
	}

	@Test
	void theSwaggerUiIsForWebexAdminsOnly() {
		assertThat(api().get(ApiClient.ADMIN, "/swagger-ui/index.html").status()).isEqualTo(200);
		assertThat(api().get(ApiClient.ADMIN, "/api/openapi.json/swagger-config").status()).isEqualTo(200);
		assertThat(api().get(ApiClient.AGENT, "/api/openapi.json/swagger-config").status()).isEqualTo(403);
		assertThat(api().get(ApiClient.AGENT, "/swagger-ui/index.html").status()).isEqualTo(403);
		assertThat(api().get(null, "/api/openapi.json").status()).isEqualTo(401);
	}

	/** GETs {@code path} and compares the object at {@code pointer} with the schema documented for it. */
	private void assertFieldsMatch(String path, String pointer, String user) {
		ApiClient.Response response = api().get(user, path);
		assertThat(response.status()).as(path).isEqualTo(200);
		String template = templateOf(path.split("\\?")[0]);
		JsonNode schema = resolve(doc.at("/paths/" + escape(template) + "/get/responses/200/content"));
		compare(path + pointer, response.json().at(pointer), at(schema, pointer));
	}

	private void assertFieldsMatch(String user, String template, String method, JsonNode body) {
		JsonNode content = doc.at("/paths/" + escape(template) + "/" + method + "/responses/200/content");
		compare(method + " " + template, body, resolve(content));
	}

	private void compare(String what, JsonNode actual, JsonNode schema) {
		assertThat(actual.isObject()).as(what + " is an object").isTrue();
		Set<String> documented = new TreeSet<>(schema.path("properties").propertyNames());
		assertThat(new TreeSet<>(actual.propertyNames())).as(what + " fields vs the document").isEqualTo(documented);
	}

	/** Walks a JSON pointer into the response through the schema: {@code items} for indexes, properties by name. */
	private JsonNode at(JsonNode schema, String pointer) {
		JsonNode current = schema;
		for (String token : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
			if (token.matches("\\d+")) {
				current = resolve(current.get("items"));
			}
			else if (current.path("properties").has(token)) {
				current = resolve(current.get("properties").get(token));
			}
			else {
				current = resolve(current.get("additionalProperties"));
			}
		}
		return current;
	}

	/** Follows {@code $ref}s, and from a response's content to its JSON schema. */
	private JsonNode resolve(JsonNode schema) {
		assertThat(schema).as("a schema").isNotNull();
		if (schema.has("application/json")) {
			return resolve(schema.get("application/json").get("schema"));
		}
		if (schema.has("*/*")) {
			return resolve(schema.get("*/*").get("schema"));
		}
		if (schema.has("$ref")) {
			return resolve(doc.at("/components/schemas/" + schema.get("$ref").asString().replace("#/components/schemas/", "")));
		}
		return schema;
	}

	private boolean documented(String operation) {
		String[] parts = operation.split(" ", 2);
		return doc.at("/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase(Locale.ROOT)).isObject();
	}

	/** The handler mappings of our own controllers (springdoc's serve the document itself). */
	private List<RequestMappingInfo> ours() {
		return mappings.getHandlerMethods().entrySet().stream()
			.filter(e -> e.getValue().getBeanType().getPackageName().startsWith("org.switchboard"))
			.map(java.util.Map.Entry::getKey)
			.toList();
	}

	/** "METHOD /path" for each method and /api path of the mapping (a mapping without methods accepts all). */
	private static List<String> operationsOf(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		List<String> operations = new ArrayList<>();
		for (String pattern : info.getPatternValues()) {
			if (!pattern.startsWith("/api/")) {
				continue;
			}
			(methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
				.forEach(m -> operations.add(m.name() + " " + pattern));
		}
		return operations;
	}

	private String templateOf(String path) {
		String[] wanted = path.split("/");
		for (String candidate : doc.get("paths").propertyNames()) {
			String[] parts = candidate.split("/");
			if (parts.length != wanted.length || !doc.get("paths").get(candidate).has("get")) {
				continue;
			}
			boolean same = true;
			for (int i = 0; i < parts.length && same; i++) {
				same = parts[i].equals(wanted[i]) || parts[i].startsWith("{");
			}
			if (same && candidate.equals(path)) {
				return candidate;
			}
			if (same && !doc.get("paths").has(path)) {
				return candidate;
			}
		}
		return path;
	}

	private static boolean isHttpMethod(String name) {
		return Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(name);
	}

	private static String escape(String path) {
		return path.replace("~", "~0").replace("/", "~1");
	}
}
