package org.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.SwitchboardApplication;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.support.ApiClient;
import org.switchboard.support.SseClient;

import tools.jackson.databind.JsonNode;

/**
 * Two server replicas on one PostgreSQL schema: a call whose webhook lands on one replica pops in the agent's tab
 * held by the other (LISTEN/NOTIFY), and duplicate or out-of-order deliveries spread over both give one call.
 */
class CallEventsAcrossReplicasTests {

	private static final String PERSON = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9yZXBsaWNhLWFnZW50";
	private static final String WEBHOOK = "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svcmVwbGljYXM";
	private static final String SECRET = "replica-secret";

	private final String schema = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	private ConfigurableApplicationContext first;
	private ConfigurableApplicationContext second;

	@AfterEach
	void stopReplicasAndDropTheSchema() throws Exception {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
				var statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	@Test
	void aCallArrivingAtOneReplicaPopsInTheTabHeldByTheOther() throws Exception {
		first = replica();
		second = replica();
		String contact = linkAgentAndCreateCaller(first);
		String callId = "Y2lzY29zcGFyazovL3VzL0NBTEwv" + UUID.randomUUID();
		Instant t0 = Instant.now();

		try (SseClient tab = new SseClient(port(second), ApiClient.AGENT, "/api/calling/events")) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> tab.status() == 200);
			assertThat(deliver(first, envelope("created", callId, "alerting", t0, null, null))).isEqualTo(200);
			JsonNode ringing = tab.next(c -> c.get("state").asString().equals("alerting"), Duration.ofSeconds(10)).data();
			assertThat(ringing.get("matches").get(0).get("id").asString()).isEqualTo(contact);

			assertThat(deliver(second, envelope("updated", callId, "connected", t0.plusSeconds(1), t0.plusSeconds(1), null))).isEqualTo(200);
			assertThat(deliver(first, envelope("updated", callId, "connected", t0.plusSeconds(1), t0.plusSeconds(1), null))).isEqualTo(200);
			assertThat(deliver(first, envelope("deleted", callId, "disconnected", t0.plusSeconds(4), t0.plusSeconds(1), t0.plusSeconds(4)))).isEqualTo(200);
			assertThat(deliver(second, envelope("created", callId, "alerting", t0, null, null).replace("alerting\"", "alerting\" "))).isEqualTo(200);
			JsonNode ended = tab.next(c -> c.get("state").asString().equals("disconnected"), Duration.ofSeconds(10)).data();
			assertThat(ended.get("durationSeconds").asLong()).isEqualTo(3);
			assertThat(ended.get("log").asString()).isEqualTo("draft");
		}
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT state FROM calling_call WHERE webex_call_id = ?").param(callId).query(String.class).list())
			.containsExactly("disconnected");
	}

	private ConfigurableApplicationContext replica() {
		return new SpringApplicationBuilder(SwitchboardApplication.class).run(
				"--server.port=0",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true",
				"--switchboard.live-events=postgres", "--switchboard.webex.sandbox.enabled=false",
				"--logging.level.root=WARN");
	}

	private static String linkAgentAndCreateCaller(ConfigurableApplicationContext context) {
		CrmRecords records = context.getBean(CrmRecords.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Secrets secrets = context.getBean(Secrets.class);
		String agent = records.findByField("User", "Username", ApiClient.AGENT).get(0).id();
		jdbc.sql("INSERT INTO webex_account (user_id, person_id, email, display_name, token_encrypted, linked_date) VALUES (?, ?, ?, ?, ?, ?)")
			.params(agent, PERSON, ApiClient.AGENT, "Agent", secrets.encrypt("unused"), OffsetDateTime.now()).update();
		jdbc.sql("INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date) VALUES (?, 'calls', 'telephony_calls', 'all', 'x', ?, ?, ?)")
			.params(WEBHOOK, secrets.encrypt(SECRET), PERSON, OffsetDateTime.now()).update();
		return records.create("Contact", java.util.Map.of("LastName", "Replica", "MobilePhone", "(212) 555-0199"), null).id();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String envelope(String event, String callId, String state, Instant at, Instant answered, Instant disconnected) {
		return """
				{"id":"%s","name":"calls","targetUrl":"x","resource":"telephony_calls","event":"%s","orgId":"o","createdBy":"%s",
				 "ownedBy":"creator","status":"active","created":"%s","actorId":"%s",
				 "data":{"eventType":"e","eventTimestamp":"%s","callId":"%s","personality":"terminator","state":"%s",
				  "remoteParty":{"name":"Caller","number":"+12125550199","privacyEnabled":false,"callType":"external"},
				  "created":"%s"%s%s}}""".formatted(WEBHOOK, event, PERSON, at, PERSON, at, callId, state, at,
				answered == null ? "" : ",\"answered\":\"" + answered + "\"",
				disconnected == null ? "" : ",\"disconnected\":\"" + disconnected + "\"");
	}

	private static int deliver(ConfigurableApplicationContext replica, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(replica) + "/webhooks/webex"))
			.header("Content-Type", "application/json").header("X-Spark-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
