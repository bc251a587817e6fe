package org.switchboard.webex.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.switchboard.webex.WebhookDeadLetters;
import org.switchboard.webex.WebhookDelivery;

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

	@Autowired
	WebhookDeadLetters deadLetters;

	@BeforeEach
	void registerWebhook() {
		events.clear();
		if (jdbc.sql("SELECT COUNT(*) FROM webex_account WHERE person_id = 'PERSON-1'").query(Long.class).single() == 0) {
			jdbc.sql("""
					INSERT INTO webex_account (user_id, person_id, email, display_name, token_encrypted, linked_date)
					VALUES ('005000000000001AAA', 'PERSON-1', 'agent@example.com', 'Agent', ?, ?)""")
				.params(secrets.encrypt("token"), OffsetDateTime.now()).update();
		}
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
	void concurrentCallsAreEachStoredOnceWithTheirEventsInOrderAndRedeliveriesAreDuplicates() throws Exception {
		String run = UUID.randomUUID().toString();
		List<List<String>> calls = IntStream.range(0, 12).mapToObj(c -> Stream.of("alerting", "connected", "disconnected")
			.map(state -> callDelivery("CALL-" + run + "-" + c, state, "Caller " + c, "+1415555" + (1000 + c))).toList()).toList();
		ExecutorService clients = Executors.newFixedThreadPool(calls.size());
		try {
			List<Future<List<String>>> answers = calls.stream().map(call -> clients.submit(() -> postInOrder(call))).toList();
			for (Future<List<String>> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).allMatch(body -> body.contains("\"stored\""));
			}
			List<Future<List<String>>> again = calls.stream().map(call -> clients.submit(() -> postInOrder(call))).toList();
			for (Future<List<String>> answer : again) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).allMatch(body -> body.contains("\"duplicate\""));
			}
		}
		finally {
			clients.shutdownNow();
		}

		assertThat(storedDeliveries()).isEqualTo(36);
		List<Map<String, Object>> stored = jdbc.sql("SELECT state, answered_at FROM calling_call WHERE webex_call_id LIKE ?")
			.param("CALL-" + run + "-%").query().listOfRows();
		assertThat(stored).hasSize(12).allSatisfy(call -> {
			assertThat(call.get("state")).isEqualTo("disconnected");
			assertThat(call.get("answered_at")).as("connected was applied before the hang-up").isNotNull();
		});
	}

	private List<String> postInOrder(List<String> deliveries) throws Exception {
		List<String> answers = new java.util.ArrayList<>();
		for (String body : deliveries) {
			answers.add(post(body, Signatures.sign(SECRET, bytes(body))).body());
		}
		return answers;
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
	void aSignedCallWithValuesTooLongForTheirColumnsIsStoredWithThemCut() throws Exception {
		String callId = "CALL-LONG-" + UUID.randomUUID();
		String body = callDelivery(callId, "x".repeat(20), "N".repeat(300), "+" + "1".repeat(100));

		HttpResponse<String> response = post(body, Signatures.sign(SECRET, bytes(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"stored\"");
		Map<String, Object> call = jdbc.sql("SELECT remote_name, remote_number, state FROM calling_call WHERE webex_call_id = ?")
			.param(callId).query().singleRow();
		assertThat((String) call.get("remote_name")).hasSize(255);
		assertThat((String) call.get("remote_number")).hasSize(64);
		assertThat(call.get("state")).isEqualTo("connecting");
	}

	@Test
	void nulCharactersInADeliveryAreDroppedAndTheCallStored() throws Exception {
		String callId = "CALL-NUL-" + UUID.randomUUID();
		String body = callDelivery(callId, "alerting", "Rita\\u0000Ramos", "+14155550142");

		HttpResponse<String> response = post(body, Signatures.sign(SECRET, bytes(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT remote_name FROM calling_call WHERE webex_call_id = ?").param(callId).query(String.class).single())
			.isEqualTo("RitaRamos");
	}

	@Test
	void aUtf16OrUtf32BodyIsStoredAndAcknowledged() throws Exception {
		for (String charset : List.of("UTF-16BE", "UTF-32LE")) {
			String callId = "CALL-" + charset + "-" + UUID.randomUUID();
			byte[] body = callDelivery(callId, "alerting", "Rita Ramos", "+14155550142").getBytes(java.nio.charset.Charset.forName(charset));

			HttpResponse<String> response = post(body, Signatures.sign(SECRET, body));

			assertThat(response.statusCode()).as(charset).isEqualTo(200);
			assertThat(jdbc.sql("SELECT body FROM webex_delivery WHERE body LIKE ?").param("%" + callId + "%").query(String.class).single())
				.contains("Rita Ramos");
			assertThat(jdbc.sql("SELECT state FROM calling_call WHERE webex_call_id = ?").param(callId).query(String.class).single())
				.isEqualTo("alerting");
		}
	}

	@Test
	void aMessagesEventOf5000CharactersIsStoredAndAcknowledged() throws Exception {
		String messagesHook = webhookId + "M";
		jdbc.sql("""
				INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date)
				VALUES (?, 'messages', 'messages', 'all', 'http://localhost/webhooks/webex', ?, 'PERSON-UNLINKED', ?)""")
			.params(messagesHook, secrets.encrypt(SECRET), OffsetDateTime.now()).update();
		String body = """
				{"id":"%s","name":"messages","resource":"messages","event":"created","orgId":"ORG","createdBy":"P","appId":"A",
				 "ownedBy":"creator","status":"active","actorId":"P","data":{"id":"MSG-%s","roomId":"ROOM","roomType":"group",
				 "personId":"P","personEmail":"%s@example.com","created":"2026-11-25T10:00:00.000Z"}}"""
			.formatted(messagesHook, UUID.randomUUID(), "p".repeat(5000));

		HttpResponse<String> response = post(body, Signatures.sign(SECRET, bytes(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"stored\"");
	}

	@Test
	void aSignedDeliveryThatCannotBeProcessedIsAcknowledgedAndKeptAsAFailedDeliveryToReplay() throws Exception {
		String body = callDelivery("CALL-" + "z".repeat(700), "alerting", "Rita Ramos", "+14155550142");
		String signature = Signatures.sign(SECRET, bytes(body));

		HttpResponse<String> response = post(body, signature);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"failed\"");
		assertThat(post(body, signature).body()).contains("duplicate");
		WebhookDelivery failed = deadLetters.list("failed", 500).stream().filter(d -> d.webhookId().equals(webhookId))
			.findFirst().orElseThrow();
		assertThat(failed.lastError()).isNotBlank().doesNotContain("Exception").doesNotContain("INSERT");
		WebhookDelivery replayed = deadLetters.replay(failed.id());
		assertThat(replayed.status()).isEqualTo("failed");
		assertThat(replayed.attempts()).isEqualTo(2);
	}

	@Test
	void aDeliveryWhoseListenerFailsIsReplayedOnceTheCauseIsGone() throws Exception {
		String callId = "CALL-FLAKY-" + UUID.randomUUID();
		String body = callDelivery(callId, "alerting", "Rita Ramos", "+14155550142");
		events.failWith("listener broke");

		assertThat(post(body, Signatures.sign(SECRET, bytes(body))).body()).contains("\"failed\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM calling_call WHERE webex_call_id = ?").param(callId).query(Long.class).single()).isZero();
		WebhookDelivery failed = deadLetters.list("failed", 500).stream().filter(d -> d.webhookId().equals(webhookId))
			.findFirst().orElseThrow();
		assertThat(failed.lastError()).isEqualTo("listener broke");

		events.failWith(null);
		assertThat(deadLetters.replay(failed.id()).status()).isEqualTo("processed");
		assertThat(jdbc.sql("SELECT state FROM calling_call WHERE webex_call_id = ?").param(callId).query(String.class).single())
			.isEqualTo("alerting");
		assertThatThrownBy(() -> deadLetters.replay(failed.id())).hasMessageContaining("Only a failed delivery");
	}

	@Test
	void keepsWebhookSecretsEncryptedAtRest() {
		String stored = jdbc.sql("SELECT secret_encrypted FROM webex_webhook WHERE id = ?").param(webhookId).query(String.class).single();
		assertThat(stored).doesNotContain(SECRET);
		assertThat(secrets.decrypt(stored)).isEqualTo(SECRET);
	}

	private String callDelivery(String callId, String state, String remoteName, String remoteNumber) {
		return callDelivery(state).replace("Y2lzY29zcGFyazovL3VzL0NBTEwvY2FsbGhhbGYtMQ", callId)
			.replace("Rita Ramos", remoteName).replace("+14155550142", remoteNumber);
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
		return post(bytes(body), signature);
	}

	private HttpResponse<String> post(byte[] body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/webex"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
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
		private volatile String failure;

		@EventListener
		void on(WebexCallEvent event) {
			if (failure != null) {
				throw new IllegalStateException(failure);
			}
			received.add(event);
		}

		void failWith(String message) {
			failure = message;
		}

		Stream<WebexCallEvent> stream(Class<WebexCallEvent> type) {
			return received.stream();
		}

		void clear() {
			received.clear();
			failure = null;
		}
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}
}
