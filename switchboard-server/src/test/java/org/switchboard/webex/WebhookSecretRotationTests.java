package org.switchboard.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;

import tools.jackson.databind.JsonNode;

/**
 * Webhook secret rotation on an admin's request (issue 10, item 3): every webhook gets a new secret here and at Webex, and
 * a delivery signed with the old secret during the switch is still accepted, until the overlap ends.
 */
class WebhookSecretRotationTests extends EmbeddedServerTest {

	@Autowired
	WebexWebhooks webhooks;

	@Autowired
	WebexAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void noFaults() throws Exception {
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + "/sandbox/faults")).DELETE().build(),
				HttpResponse.BodyHandlers.discarding());
	}

	@Test
	void everyWebhookGetsANewSecretAtWebexAndHereAndTheOldOneIsAcceptedOnlyDuringTheOverlap() {
		RegisteredWebhook calls = agentsCallsWebhook();
		String old = webhooks.secretOf(calls.id()).orElseThrow().secret();
		assertThat(api().send(ApiClient.AGENT, "POST", "/api/admin/integration/webhooks/rotate-secrets", null).status()).isEqualTo(403);

		ApiClient.Response rotated = api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/webhooks/rotate-secrets", null);

		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(rotated.json().path("rotated").asInt()).isEqualTo(webhooks.all().size());
		assertThat(rotated.json().path("notRotated").size()).isZero();
		String fresh = webhooks.secretOf(calls.id()).orElseThrow().secret();
		assertThat(fresh).isNotEqualTo(old);
		assertThat(rotated.body()).doesNotContain(old).doesNotContain(fresh);
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/audit?limit=1").json().get(0).path("action").asString())
			.isEqualTo("webhooks.rotateSecrets");

		// Webex signs with the new secret now: a real delivery from the sandbox is accepted.
		long before = deliveries(calls.id());
		JsonNode call = sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+14155550177\"}");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(calls.id()) > before);
		sandbox("/sandbox/calls/" + call.get("callId").asString() + "/hangup", "{}");

		// One Webex signed with the old secret just before the switch, arriving (or retried) after it: still accepted.
		assertThat(deliver(calls.id(), old)).isEqualTo(200);
		assertThat(deliver(calls.id(), fresh)).isEqualTo(200);

		jdbc.sql("UPDATE webex_webhook SET previous_secret_until = ? WHERE id = ?").params(OffsetDateTime.now().minusSeconds(1), calls.id()).update();
		assertThat(deliver(calls.id(), old)).as("after the overlap the old secret is refused").isEqualTo(401);
		assertThat(deliver(calls.id(), fresh)).isEqualTo(200);
	}

	@Test
	void aWebhookWebexRefusesToChangeKeepsItsSecretAndIsReported() {
		RegisteredWebhook calls = agentsCallsWebhook();
		String before = webhooks.secretOf(calls.id()).orElseThrow().secret();
		sandboxPut("/sandbox/faults", "{\"rate\":1,\"count\":1,\"statuses\":[500],\"method\":\"PUT\",\"path\":\"/v1/webhooks/" + calls.id() + "\"}");

		JsonNode answer = api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/webhooks/rotate-secrets", null).json();

		assertThat(answer.path("notRotated")).singleElement().satisfies(f -> {
			assertThat(f.path("webhookId").asString()).isEqualTo(calls.id());
			assertThat(f.path("reason").asString()).startsWith("Webex refused");
		});
		assertThat(answer.path("rotated").asInt()).isEqualTo(webhooks.all().size() - 1);
		assertThat(webhooks.secretOf(calls.id()).orElseThrow().secret()).as("unchanged, as Webex still has it").isEqualTo(before);
		assertThat(webhooks.secretOf(calls.id()).orElseThrow().previousSecret()).isNull();
		assertThat(deliver(calls.id(), before)).isEqualTo(200);
	}

	@Test
	void theConsoleOffersTheRotation() throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((ApiClient.ADMIN + ":" + ApiClient.PASSWORD).getBytes()))
			.header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("/admin/webex/rotate-secrets", "Rotate webhook secrets", "still accepted");
	}

	private RegisteredWebhook agentsCallsWebhook() {
		String personId = accounts.all().stream().filter(a -> a.email().equals(ApiClient.AGENT)).findFirst().orElseThrow().personId();
		return webhooks.ownedBy(personId).stream().filter(w -> w.resource().equals("telephony_calls")).findFirst().orElseThrow();
	}

	private int deliver(String webhookId, String secret) {
		String body = """
				{"id":"%s","resource":"telephony_calls","event":"updated","data":{"callId":"%s","personality":"terminator",
				 "state":"disconnected","remoteParty":{"number":"+14155550142"}}}""".formatted(webhookId, "rotation-" + UUID.randomUUID());
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/webex"))
				.header("Content-Type", "application/json")
				.header("X-Spark-Signature", HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private long deliveries(String webhookId) {
		return jdbc.sql("SELECT COUNT(*) FROM webex_delivery WHERE webhook_id = ?").param(webhookId).query(Long.class).single();
	}

	private void sandboxPut(String path, String json) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + path))
				.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isLessThan(300);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
