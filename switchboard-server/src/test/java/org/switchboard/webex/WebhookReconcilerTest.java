package org.switchboard.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.support.EmbeddedServerTest;

/**
 * What the webhook reconciler's tests share: the beans they drive, the demo users' webhooks here and at Webex, and
 * the clean-up that leaves every user's webhooks healed, with no sandbox fault and no lease left behind.
 */
abstract class WebhookReconcilerTest extends EmbeddedServerTest {

	@Autowired
	WebhookReconciler reconciler;

	@Autowired
	WebexAccounts accounts;

	@Autowired
	WebexWebhooks webhooks;

	@Autowired
	WebexClient client;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void settle() {
		sandboxSend("DELETE", "/sandbox/faults", null);
		jdbc.sql("DELETE FROM platform_lease").update();
		reconciler.reconcileAll();
	}

	WebexAccount account(String email) {
		return accounts.all().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow();
	}

	/** The webhooks stored here for the user. */
	List<RegisteredWebhook> webhooksOf(String email) {
		return webhooks.ownedBy(account(email).personId());
	}

	RegisteredWebhook callsWebhookOf(String email) {
		return webhooksOf(email).stream().filter(w -> w.resource().equals("telephony_calls")).findFirst().orElseThrow();
	}

	/** The user's webhooks as Webex lists them. */
	List<WebexWebhook> atWebex(String email) {
		return client.webhooks(accounts.tokenFor(account(email).userId()).orElseThrow());
	}

	String statusAtWebex(String email, String webhookId) {
		return atWebex(email).stream().filter(w -> w.id().equals(webhookId)).findFirst().orElseThrow().status();
	}

	/** Sends JSON (or nothing) to one of the sandbox's control endpoints. */
	static void sandboxSend(String method, String path, String json) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + path))
				.header("Content-Type", "application/json")
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
			HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isLessThan(300);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
