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
}
