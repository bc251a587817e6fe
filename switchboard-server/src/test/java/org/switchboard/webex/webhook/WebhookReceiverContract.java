package org.switchboard.webex.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.webex.WebexCallEvent;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.demo.enabled=false")
@Import(WebhookReceiverContract.CallEvents.class)
abstract class WebhookReceiverContract {

	private static final String SECRET = "s3cr3t-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Secrets secrets;

	@Autowired
	CallEvents events;

	private final HttpClient http = HttpClient.newHttpClient();
	private String webhookId;

	@BeforeEach
	void registerWebhook() {
		events.clear();
		webhookId = "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svdGVzdC" + UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("""
				INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date)
				VALUES (?, 'calls', 'telephony_calls', 'all', 'http://localhost/webhooks/webex', ?, 'PERSON-1', ?)""")
			.params(webhookId, secrets.encrypt(SECRET), OffsetDateTime.now()).update();
	}

	@Test
	void storesAndPublishesAWellSignedDelivery() throws Exception {
		String body = callDelivery("alerting");

		HttpResponse<String> response = post(body, Signatures.sign(SECRET, bytes(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(storedDeliveries()).isEqualTo(1);
		WebexCallEvent event = events.stream(WebexCallEvent.class).findFirst().orElseThrow();
		assertThat(event.state()).isEqualTo("alerting");
		assertThat(event.ownerPersonId()).isEqualTo("PERSON-1");
		assertThat(event.remoteNumber()).isEqualTo("+14155550142");
		assertThat(event.callId()).isNotBlank();
	}

	@Test
	void rejectsMissingWrongOrStaleSignaturesAndStoresNothing() throws Exception {
		String body = callDelivery("connected");
		String good = Signatures.sign(SECRET, bytes(body));
		String altered = body.replace("connected", "connectee");

		assertThat(post(body, null).statusCode()).isEqualTo(401);
		assertThat(post(body, Signatures.sign("another secret", bytes(body))).statusCode()).isEqualTo(401);
		assertThat(post(altered, good).statusCode()).isEqualTo(401);
		assertThat(storedDeliveries()).isZero();
		assertThat(events.stream(WebexCallEvent.class)).isEmpty();
	}

	@Test
	void aRedeliveredEnvelopeHasOneEffect() throws Exception {
		String body = callDelivery("disconnected");
		String signature = Signatures.sign(SECRET, bytes(body));

		assertThat(post(body, signature).body()).contains("stored");
		assertThat(post(body, signature).body()).contains("duplicate");

		assertThat(storedDeliveries()).isEqualTo(1);
		assertThat(events.stream(WebexCallEvent.class)).hasSize(1);
	}

	@Test
	void answersBadInputWithA4xxAndStoresNothing() throws Exception {
		String unknownHook = callDelivery("alerting").replace(webhookId, "nope");
		String unknownResource = callDelivery("alerting").replace("telephony_calls", "telephony_bananas");
		String notJson = "{\"id\": ";
		String huge = "{\"id\":\"" + webhookId + "\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";

		assertThat(post(unknownHook, Signatures.sign(SECRET, bytes(unknownHook))).statusCode()).isEqualTo(404);
		assertThat(post(unknownResource, Signatures.sign(SECRET, bytes(unknownResource))).statusCode()).isEqualTo(400);
		assertThat(post(notJson, Signatures.sign(SECRET, bytes(notJson))).statusCode()).isEqualTo(400);
		assertThat(post(huge, Signatures.sign(SECRET, bytes(huge))).statusCode()).isEqualTo(413);
		assertThat(storedDeliveries()).isZero();
	}

	@Test
	void keepsWebhookSecretsEncryptedAtRest() {
		String stored = jdbc.sql("SELECT secret_encrypted FROM webex_webhook WHERE id = ?").param(webhookId).query(String.class).single();
		assertThat(stored).doesNotContain(SECRET);
		assertThat(secrets.decrypt(stored)).isEqualTo(SECRET);
	}

	private String callDelivery(String state) {
		return """
				{"id":"%s","name":"calls","targetUrl":"http://localhost/webhooks/webex","resource":"telephony_calls",
				 "event":"updated","orgId":"ORG","createdBy":"PERSON-1","appId":"APP","ownedBy":"creator","status":"active",
				 "created":"2026-11-25T10:00:00.000Z","actorId":"PERSON-1",
				 "data":{"eventType":"received","eventTimestamp":"2026-11-25T10:00:01.000Z","callId":"Y2lzY29zcGFyazovL3VzL0NBTEwvY2FsbGhhbGYtMQ",
				   "callSessionId":"c2Vzc2lvbg","personality":"terminator","state":"%s",
				   "remoteParty":{"name":"Rita Ramos","number":"+14155550142","privacyEnabled":false,"callType":"external"},
				   "created":"2026-11-25T10:00:00.000Z"}}""".formatted(webhookId, state);
	}

	private HttpResponse<String> post(String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/webex"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Spark-Signature", signature);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long storedDeliveries() {
		return jdbc.sql("SELECT COUNT(*) FROM webex_delivery WHERE webhook_id = ?").param(webhookId).query(Long.class).single();
	}

	/** Collects call events published on the server's request threads. */
	static class CallEvents {

		private final List<WebexCallEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(WebexCallEvent event) {
			received.add(event);
		}

		Stream<WebexCallEvent> stream(Class<WebexCallEvent> type) {
			return received.stream();
		}

		void clear() {
			received.clear();
		}
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}
}
