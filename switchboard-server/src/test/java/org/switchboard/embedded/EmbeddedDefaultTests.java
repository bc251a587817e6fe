package org.switchboard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;

import tools.jackson.databind.JsonNode;

/** The zero-set-up start: server and sandbox together, registered, webhooks active, calls arriving over HTTP. */
class EmbeddedDefaultTests extends EmbeddedServerTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableListableBeanFactory beans;

	@Test
	void startsRegisteredWithActiveWebhooksForEveryDemoUser() {
		JsonNode status = new ApiClient(port).get(ApiClient.ADMIN, "/api/admin/integration").json();

		assertThat(status.get("registered").asBoolean()).isTrue();
		assertThat(status.get("tokenValid").asBoolean()).isTrue();
		assertThat(status.get("registration").get("email").asString()).isEqualTo("admin@switchboard.test");
		assertThat(status.get("linkedUsers").asInt()).isEqualTo(3);
		assertThat(status.get("webhooks")).as("calls, messages and meetings for each of the 3 linked users").hasSize(9)
			.allSatisfy(w -> assertThat(w.get("status").asString()).isEqualTo("active"))
			.allSatisfy(w -> assertThat(w.get("targetUrl").asString()).isEqualTo("http://localhost:" + port + "/webhooks/webex"));
		assertThat(status.get("webhooks")).extracting(w -> w.get("resource").asString())
			.containsOnly("telephony_calls", "messages", "meetings").filteredOn("meetings"::equals).hasSize(3);
	}

	@Test
	void theEmbeddedStoreCreatesNoSalesforceAdapterOrChangeEventBeans() {
		List<String> salesforce = Arrays.stream(beans.getBeanDefinitionNames())
			.filter(name -> beans.getType(name) != null && beans.getType(name).getPackageName().startsWith("org.switchboard.crm.salesforce"))
			.map(name -> beans.getType(name).getSimpleName()).toList();

		// The console's "CRM connection" section and its status answer "embedded" without any Salesforce client behind them.
		assertThat(salesforce).containsExactlyInAnyOrder("CrmConnectionAdmin", "CrmConnectionStatus");
		assertThat(beans.getBeanNamesForType(CrmRecords.class)).containsExactly("embeddedCrmRecords");
	}

	@Test
	void healthIsUpWithTheDatabaseAndWebexReachable() {
		ApiClient.Response health = new ApiClient(port).get(null, "/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void aCallRingingTheAgentArrivesAsAVerifiedStoredDelivery() throws Exception {
		long before = deliveries();
		String callId = sandbox("/sandbox/calls/inbound",
				"{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 (415) 555-0142\",\"fromName\":\"Rita\"}").get("callId").asString();

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries() > before);
		assertThat(jdbc.sql("SELECT body FROM webex_delivery ORDER BY id DESC LIMIT 1").query(String.class).single())
			.contains("\"state\":\"alerting\"").contains("555-0142");
		// Tests sharing this server must not find the agent's line still ringing.
		sandbox("/sandbox/calls/" + callId + "/hangup", "{}");
	}

	private long deliveries() {
		return jdbc.sql("SELECT COUNT(*) FROM webex_delivery WHERE resource = 'telephony_calls'").query(Long.class).single();
	}
}
