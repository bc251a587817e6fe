package org.switchboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.SandboxCalls;

import tools.jackson.databind.json.JsonMapper;

/**
 * ADR 0022 over HTTP: a write repeated with the same Idempotency-Key acts once and is answered as the first was, also
 * when both arrive at once; the key on a different request is refused; keys are per user.
 */
class IdempotencyKeyTests extends EmbeddedServerTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	CrmRecords records;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRepeatedCreateMakesOneRecordAndGetsTheSameAnswer() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = "{\"LastName\":\"Idempotent-" + key.substring(0, 8) + "\",\"Email\":\"i-" + key.substring(0, 8) + "@example.com\"}";

		HttpResponse<String> first = post(ApiClient.AGENT, "/api/records/Contact", body, key);
		HttpResponse<String> second = post(ApiClient.AGENT, "/api/records/Contact", body, key);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(records.find("Contact", "Idempotent-" + key.substring(0, 8), 10)).hasSize(1);
	}

	@Test
	void theSameKeyOnADifferentRequestIsRefusedAndNothingIsDone() throws Exception {
		String key = UUID.randomUUID().toString();
		String name = "Reused-" + key.substring(0, 8);
		assertThat(post(ApiClient.AGENT, "/api/records/Contact", "{\"LastName\":\"" + name + "\"}", key).statusCode()).isEqualTo(201);

		HttpResponse<String> other = post(ApiClient.AGENT, "/api/records/Contact", "{\"LastName\":\"" + name + "x\"}", key);

		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(other.body()).path("detail").asString()).contains("different request");
		assertThat(records.find("Contact", name + "x", 10)).isEmpty();
	}

	@Test
	void keysArePerUserAndAnswersOfRefusedRequestsAreReplayedToo() throws Exception {
		String key = UUID.randomUUID().toString();
		String name = "PerUser-" + key.substring(0, 8);
		String body = "{\"LastName\":\"" + name + "\"}";
		assertThat(post(ApiClient.AGENT, "/api/records/Contact", body, key).statusCode()).isEqualTo(201);
		assertThat(post(ApiClient.ADMIN, "/api/records/Contact", body, key).statusCode()).isEqualTo(201);
		assertThat(records.find("Contact", name, 10)).hasSize(2);

		String bad = UUID.randomUUID().toString();
		HttpResponse<String> refused = post(ApiClient.AGENT, "/api/records/NoSuchObject__c", body, bad);
		HttpResponse<String> again = post(ApiClient.AGENT, "/api/records/NoSuchObject__c", body, bad);
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(again.body()).isEqualTo(refused.body());

		assertThat(post(ApiClient.AGENT, "/api/records/Contact", body, "two words").statusCode()).isEqualTo(400);
		assertThat(post(ApiClient.AGENT, "/api/records/Contact", body, "x".repeat(256)).statusCode()).isEqualTo(400);
	}

	@Test
	void twoDialsWithOneKeyArrivingTogetherPlaceOneCallAtWebex() throws Exception {
		String key = UUID.randomUUID().toString();
		String number = "+1 617 555 01" + (10 + (int) (Math.random() * 89));
		String body = "{\"to\":\"" + number + "\"}";

		List<CompletableFuture<HttpResponse<String>>> both = List.of(
				CompletableFuture.supplyAsync(() -> postQuietly(ApiClient.AGENT, "/api/calling/calls", body, key)),
				CompletableFuture.supplyAsync(() -> postQuietly(ApiClient.AGENT, "/api/calling/calls", body, key)));
		List<HttpResponse<String>> answers = both.stream().map(CompletableFuture::join).toList();

		assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(201, 201);
		assertThat(answers.get(1).body()).isEqualTo(answers.get(0).body());
		String e164 = number.replace(" ", "");
		assertThat(SandboxCalls.agentCallsTo(SANDBOX_PORT, e164)).isEqualTo(1);
		String callId = JSON.readTree(answers.get(0).body()).path("callId").asString();
		post(ApiClient.AGENT, "/api/calling/calls/" + callId + "/hangup", null, UUID.randomUUID().toString());
	}

	private HttpResponse<String> postQuietly(String user, String path, String json, String key) {
		try {
			return post(user, path, json, key);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpResponse<String> post(String user, String path, String json, String key) throws Exception {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + credentials).header("Accept", "application/json").header("Idempotency-Key", key)
			.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
