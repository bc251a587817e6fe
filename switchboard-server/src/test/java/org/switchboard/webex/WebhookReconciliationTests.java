package org.switchboard.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.switchboard.support.ApiClient;

import tools.jackson.databind.JsonNode;

/** Webhooks that heal themselves: Webex's own list is the truth, reconciled without orphans on either side. */
class WebhookReconciliationTests extends WebhookReconcilerTest {

	@Test
	void aWebhookWebexMadeInactiveIsReactivatedAndDeliversAgain() {
		RegisteredWebhook calls = callsWebhookOf(ApiClient.AGENT);
		sandbox("/sandbox/webhooks/" + calls.id() + "/deactivate", "{}");

		WebhookReconciler.Result result = reconciler.reconcileAll();

		assertThat(result.reactivated()).isEqualTo(1);
		assertThat(statusAtWebex(ApiClient.AGENT, calls.id())).isEqualTo("active");
		long before = deliveries(calls.id());
		String callId = sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+14155550199\"}").get("callId").asString();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(calls.id()) > before);
		sandbox("/sandbox/calls/" + callId + "/hangup", "{}");
		JsonNode shown = api().get(ApiClient.ADMIN, "/api/admin/integration").json().get("webhooks");
		assertThat(shown).filteredOn(w -> w.get("id").asString().equals(calls.id())).singleElement()
			.satisfies(w -> assertThat(w.get("lastDeliveryAt").asString()).isNotBlank());
	}

	@Test
	void theConsoleShowsEachWebhooksStateAndSaysPlainlyWhenDeliveriesStopped() {
		RegisteredWebhook calls = callsWebhookOf(ApiClient.AGENT);
		sandbox("/sandbox/webhooks/" + calls.id() + "/deactivate", "{}");
		sandboxSend("PUT", "/sandbox/faults", "{\"rate\":1,\"count\":1,\"statuses\":[500],\"method\":\"PUT\",\"path\":\"/v1/webhooks/" + calls.id() + "\"}");

		WebhookReconciler.Result result = reconciler.reconcileAll();

		assertThat(result.problems()).singleElement().asString().contains("agent@switchboard.test");
		String console = consoleHtml();
		assertThat(console).contains("Webex sign-in and webhooks").contains("Deliveries stopped: Webex marked it inactive")
			.contains("The public base URL is not set").contains("only the bundled sandbox can reach").contains("href=\"#general\"")
			.contains("/webex/oauth/callback");
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/integration").json().get("webhooks"))
			.filteredOn(w -> w.get("id").asString().equals(calls.id())).singleElement()
			.satisfies(w -> assertThat(w.get("status").asString()).isEqualTo("inactive"));
	}

	@Test
	void aCreationThatFailsHalfWayLeavesNoOrphanAndTheNextRunCompletesIt() {
		String viewer = account(ApiClient.VIEWER).userId();
		String token = accounts.tokenFor(viewer).orElseThrow();
		webhooksOf(ApiClient.VIEWER).forEach(w -> webhooks.delete(token, w.id()));
		sandboxSend("PUT", "/sandbox/faults", "{\"rate\":1,\"count\":1,\"statuses\":[500],\"method\":\"POST\",\"path\":\"/v1/webhooks\"}");

		WebhookReconciler.Result half = reconciler.reconcileUser(viewer);

		assertThat(half.created()).as("calls or messages, and meetings").hasSize(2);
		assertThat(half.problems()).singleElement().asString().contains("viewer@switchboard.test").contains("500");
		assertSameAtWebexAndHere(ApiClient.VIEWER, 2);

		WebhookReconciler.Result next = reconciler.reconcileUser(viewer);

		assertThat(next.created()).hasSize(1);
		assertSameAtWebexAndHere(ApiClient.VIEWER, 3);
	}

	@Test
	void ourWebhookWithoutARowAndOneWebexLostAreBothSetRight() {
		String viewer = account(ApiClient.VIEWER).userId();
		String token = accounts.tokenFor(viewer).orElseThrow();
		String target = "http://localhost:" + port + "/webhooks/webex";
		// Webex made it but the answer was lost on the way: a webhook pointing here that no row knows.
		client.createWebhook(token, new WebhookRequest("Switchboard calls", target, "telephony_calls", "all", null, "lost-secret", null));
		// And Webex lost one of ours.
		RegisteredWebhook messages = webhooksOf(ApiClient.VIEWER).stream().filter(w -> w.resource().equals("messages")).findFirst().orElseThrow();
		client.deleteWebhook(token, messages.id());

		WebhookReconciler.Result result = reconciler.reconcileUser(viewer);

		assertThat(result.removed()).isEqualTo(1);
		assertThat(result.forgotten()).isEqualTo(1);
		assertThat(result.created()).extracting(RegisteredWebhook::resource).containsExactly("messages");
		assertSameAtWebexAndHere(ApiClient.VIEWER, 3);
	}

	@Test
	void anotherApplicationsWebhookOfTheUserIsLeftAlone() {
		String viewer = account(ApiClient.VIEWER).userId();
		String token = accounts.tokenFor(viewer).orElseThrow();
		WebexWebhook theirs = client.createWebhook(token, new WebhookRequest("Someone else's bot", "https://elsewhere.example/hook", "messages",
				"created", null, null, null));
		try {
			reconciler.reconcileUser(viewer);

			assertThat(atWebex(ApiClient.VIEWER)).extracting(WebexWebhook::id).contains(theirs.id());
		}
		finally {
			client.deleteWebhook(token, theirs.id());
		}
	}

	private String consoleHtml() {
		try {
			java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
					java.net.URI.create("http://localhost:" + port + "/admin")).header("Accept", "text/html")
				.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((ApiClient.ADMIN + ":" + ApiClient.PASSWORD).getBytes()))
				.GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			return page.body();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private void assertSameAtWebexAndHere(String email, int expected) {
		Set<String> atWebex = atWebex(email).stream().map(WebexWebhook::id).collect(Collectors.toSet());
		Set<String> here = webhooksOf(email).stream().map(RegisteredWebhook::id).collect(Collectors.toSet());
		assertThat(here).as("rows without a webhook at Webex, or webhooks at Webex without a row").isEqualTo(atWebex).hasSize(expected);
	}

	private long deliveries(String webhookId) {
		return jdbc.sql("SELECT COUNT(*) FROM webex_delivery WHERE webhook_id = ?").param(webhookId).query(Long.class).single();
	}
}
