package org.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.support.ApiClient.ADMIN;
import static org.switchboard.support.ApiClient.AGENT;
import static org.switchboard.support.ApiClient.VIEWER;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.ApiClient;
import org.switchboard.support.ApiClient.Response;
import org.switchboard.support.H2Memory;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminSettingsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	CrmRecords records;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.switchboard.platform.secrets.Secrets secrets;

	ApiClient api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void onlyWebexAdminsReadOrChangeSettings() {
		assertThat(api.get(VIEWER, "/api/admin/settings").status()).isEqualTo(403);
		assertThat(api.get(AGENT, "/api/admin/settings").status()).isEqualTo(403);
		assertThat(api.get(AGENT, "/api/admin/settings").contentType()).startsWith("application/problem+json");
		assertThat(api.get(ADMIN, "/api/admin/settings").json().get("general").get("defaultPhoneRegion").asString()).isNotBlank();
	}

	@Test
	void invalidSettingsGet400NamingEachFieldAndChangeNothing() {
		String before = api.get(ADMIN, "/api/admin/settings").body();

		Response rejected = api.send(ADMIN, "PUT", "/api/admin/settings/general",
				"{\"defaultPhoneRegion\":\"ZZ\",\"publicBaseUrl\":\"ftp://x\"}");

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("defaultPhoneRegion", "publicBaseUrl");
		assertThat(api.send(ADMIN, "PUT", "/api/admin/settings/general", "{\"colour\":\"red\"}").status()).isEqualTo(400);
		assertThat(api.send(ADMIN, "PUT", "/api/admin/settings/nonsense", "{}").status()).isEqualTo(404);
		assertThat(api.get(ADMIN, "/api/admin/settings").body()).isEqualTo(before);
	}

	@Test
	void changingTheRegionReReadsStoredNumbersAndIsAudited() {
		String id = records.create("Contact", Map.of("LastName", "Londoner", "Phone", "020 7946 0321"), null).id();
		Map<String, Set<String>> phones = Map.of("Contact", Set.of("Phone"));
		assertThat(records.findByPhone("+44 20 7946 0321", phones)).isEmpty();

		Response saved = api.send(ADMIN, "PUT", "/api/admin/settings/general",
				"{\"defaultPhoneRegion\":\"GB\",\"publicBaseUrl\":\"https://crm.example.com\"}");

		assertThat(saved.status()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(records.findByPhone("+44 20 7946 0321", phones)).extracting(m -> m.record().id()).contains(id));
		Response audit = api.get(ADMIN, "/api/admin/audit");
		assertThat(audit.json().get(0).get("actor").asString()).isEqualTo(ADMIN);
		assertThat(audit.json().get(0).get("newValue").asString()).contains("GB");
		api.send(ADMIN, "PUT", "/api/admin/settings/general", "{\"defaultPhoneRegion\":\"US\"}");
	}

	@Test
	void aPoisonWebhookDeliveryIsListedForWebexAdminsAndReplayedOnRequest() throws Exception {
		String hook = "HOOK-" + java.util.UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date)
				VALUES (?, 'calls', 'telephony_calls', 'all', 'http://localhost/webhooks/webex', ?, 'PERSON-X', ?)""")
			.params(hook, secrets.encrypt("secret"), java.time.OffsetDateTime.now()).update();
		jdbc.sql("""
				INSERT INTO webex_account (user_id, person_id, email, display_name, token_encrypted, linked_date)
				VALUES ('005000000000009AAA', 'PERSON-X', 'x@example.com', 'X', ?, ?)""")
			.params(secrets.encrypt("token"), java.time.OffsetDateTime.now()).update();
		String body = """
				{"id":"%s","resource":"telephony_calls","event":"updated","data":{"callId":"%s","personality":"terminator",
				 "state":"alerting","remoteParty":{"number":"+14155550142"}}}""".formatted(hook, "C".repeat(700));
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
		mac.init(new javax.crypto.spec.SecretKeySpec("secret".getBytes(), "HmacSHA1"));
		java.net.http.HttpResponse<String> delivered = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/webhooks/webex"))
			.header("Content-Type", "application/json")
			.header("X-Spark-Signature", java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes())))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(delivered.statusCode()).isEqualTo(200);

		assertThat(api.get(AGENT, "/api/admin/webhooks/deliveries?status=failed").status()).isEqualTo(403);
		assertThat(api.get(ADMIN, "/api/admin/webhooks/deliveries?status=broken").status()).isEqualTo(400);
		Response failed = api.get(ADMIN, "/api/admin/webhooks/deliveries?status=failed");
		assertThat(failed.status()).isEqualTo(200);
		tools.jackson.databind.JsonNode delivery = failed.json().get("deliveries").get(0);
		assertThat(delivery.get("webhookId").asString()).isEqualTo(hook);
		assertThat(delivery.get("lastError").asString()).contains("600");

		Response replayed = api.send(ADMIN, "POST", "/api/admin/webhooks/deliveries/" + delivery.get("id").asLong() + "/replay", null);
		assertThat(replayed.status()).isEqualTo(200);
		assertThat(replayed.json().get("attempts").asInt()).isEqualTo(2);
		assertThat(api.send(ADMIN, "POST", "/api/admin/webhooks/deliveries/999999/replay", null).status()).isEqualTo(404);
		assertThat(api.get(ADMIN, "/admin").body()).contains("Failed webhook deliveries").contains(hook);
	}
}
