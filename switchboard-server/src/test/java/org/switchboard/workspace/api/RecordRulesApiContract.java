package org.switchboard.workspace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.support.ApiClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record rules of ADR 0021 over real HTTP with the demo users, on each database the embedded store supports:
 * ETag / If-Match → 412 (optimistic concurrency), object permissions → 403 naming the object, sizes → 400 naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RecordRulesApiContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void everyRecordHasAnETagAndAWriteNamingAnOlderOneIs412SayingWhoAndWhenWithNothingSaved() throws Exception {
		String id = json(send(ApiClient.AGENT, "POST", "/api/records/Contact", "{\"LastName\":\"Etag\",\"Phone\":\"1\"}", null)).get("id").asString();
		HttpResponse<String> read = send(ApiClient.AGENT, "GET", "/api/records/Contact/" + id, null, null);
		String etag = read.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[^\"]+\"");

		HttpResponse<String> first = send(ApiClient.ADMIN, "PATCH", "/api/records/Contact/" + id, "{\"Phone\":\"2\"}", etag);
		assertThat(first.statusCode()).isEqualTo(200);
		String newer = first.headers().firstValue("ETag").orElseThrow();
		assertThat(newer).isNotEqualTo(etag);

		HttpResponse<String> stale = send(ApiClient.AGENT, "PATCH", "/api/records/Contact/" + id, "{\"Phone\":\"3\"}", etag);
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json(stale).get("detail").asString()).contains("Ada Admin").contains("review and save again");
		assertThat(send(ApiClient.AGENT, "DELETE", "/api/records/Contact/" + id, null, etag).statusCode()).isEqualTo(412);
		assertThat(send(ApiClient.AGENT, "PATCH", "/api/records/Contact/" + id, "{\"Phone\":\"3\"}", "W/" + newer).statusCode()).isEqualTo(412);
		assertThat(phone(id)).isEqualTo("2");

		assertThat(send(ApiClient.AGENT, "PATCH", "/api/records/Contact/" + id, "{\"Phone\":\"4\"}", newer).statusCode()).isEqualTo(200);
		assertThat(send(ApiClient.AGENT, "PATCH", "/api/records/Contact/" + id, "{\"Phone\":\"5\"}", null).statusCode()).isEqualTo(200);
		assertThat(phone(id)).isEqualTo("5");
		String current = send(ApiClient.AGENT, "GET", "/api/records/Contact/" + id, null, null).headers().firstValue("ETag").orElseThrow();
		assertThat(send(ApiClient.AGENT, "DELETE", "/api/records/Contact/" + id, null, current).statusCode()).isEqualTo(204);
	}

	@Test
	void theReadOnlyViewerReadsButEveryWriteIs403NamingTheObject() throws Exception {
		String id = json(send(ApiClient.AGENT, "POST", "/api/records/Account", "{\"Name\":\"Viewer target\"}", null)).get("id").asString();

		assertThat(send(ApiClient.VIEWER, "GET", "/api/records/Account/" + id, null, null).statusCode()).isEqualTo(200);
		assertThat(send(ApiClient.VIEWER, "GET", "/api/records/Account?q=viewer", null, null).statusCode()).isEqualTo(200);
		HttpResponse<String> create = send(ApiClient.VIEWER, "POST", "/api/records/Account", "{\"Name\":\"Nope\"}", null);
		HttpResponse<String> edit = send(ApiClient.VIEWER, "PATCH", "/api/records/Account/" + id, "{\"Name\":\"Nope\"}", null);
		HttpResponse<String> delete = send(ApiClient.VIEWER, "DELETE", "/api/records/Account/" + id, null, null);

		assertThat(create.statusCode()).isEqualTo(403);
		assertThat(json(create).get("detail").asString()).contains("create Account records");
		assertThat(edit.statusCode()).isEqualTo(403);
		assertThat(json(edit).get("detail").asString()).contains("edit Account records");
		assertThat(delete.statusCode()).isEqualTo(403);
		assertThat(json(delete).get("detail").asString()).contains("delete Account records");
		assertThat(json(send(ApiClient.AGENT, "GET", "/api/records/Account/" + id, null, null)).get("name").asString()).isEqualTo("Viewer target");
		assertThat(send(ApiClient.AGENT, "PATCH", "/api/records/Account/" + id, "{\"Name\":\"Agent may\"}", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aNameOverItsSizeIs400NamingTheFieldAsTooLong() throws Exception {
		HttpResponse<String> response = send(ApiClient.AGENT, "POST", "/api/records/Contact",
				"{\"FirstName\":\"" + "F".repeat(141) + "\",\"LastName\":\"" + "L".repeat(300) + "\"}", null);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode errors = json(response).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("FirstName", "LastName");
		assertThat(errors.findValuesAsString("message")).allSatisfy(m -> assertThat(m).startsWith("is too long"));
	}

	private String phone(String id) throws Exception {
		return json(send(ApiClient.AGENT, "GET", "/api/records/Contact/" + id + "?fields=Phone", null, null)).get("fields").get("Phone").asString();
	}

	private HttpResponse<String> send(String user, String method, String path, String body, String ifMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Accept", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
