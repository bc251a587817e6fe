package org.switchboard.operability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault.MetricsScrape;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.SseClient;

/** Prometheus metrics: who may read them, and that a screen pop shows up in them end to end. */
class MetricsTests extends EmbeddedServerTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Test
	void metricsAreForWebexAdminsAndTheScraperOnlyNeverAnonymous() {
		assertThat(scrape(null, null).statusCode()).isEqualTo(401);
		assertThat(scrape(ApiClient.AGENT, ApiClient.PASSWORD).statusCode()).isEqualTo(403);
		assertThat(scrape(MetricsScrape.USER, "wrong").statusCode()).isEqualTo(401);
		assertThat(scrape(ApiClient.ADMIN, ApiClient.PASSWORD).statusCode()).isEqualTo(200);
		HttpResponse<String> scraped = scrape(MetricsScrape.USER, MetricsScrape.PASSWORD);
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("switchboard_live_streams", "switchboard_notifications_outbox_depth",
				"switchboard_notifications_outbox_age_seconds", "switchboard_notifications_deliveries_stuck");
	}

	@Test
	void theScrapeCredentialOpensNothingButMetrics() {
		assertThat(get("/api/objects", MetricsScrape.USER, MetricsScrape.PASSWORD).statusCode()).isEqualTo(401);
		assertThat(get("/admin", MetricsScrape.USER, MetricsScrape.PASSWORD).statusCode()).isIn(302, 401);
	}

	@Test
	void anInboundCallShowsUpAsAScreenPopWebhookWebexCallsAndCrmLookups() {
		double popsBefore = value("switchboard_live_events_latency_seconds_count", "cause=\"webhook\",event=\"call\"");
		double storedBefore = value("switchboard_webhooks_deliveries_total", "outcome=\"stored\"");
		try (SseClient events = new SseClient(port, ApiClient.AGENT, "/api/calling/events")) {
			Awaitility.await().atMost(WAIT).until(() -> events.status() == 200);
			assertThat(value("switchboard_live_streams", "")).isGreaterThanOrEqualTo(1);
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 (415) 555-0199\"}");
			String callId = events.next(c -> "alerting".equals(c.get("state").asString())
					&& "+1 (415) 555-0199".equals(c.get("remoteNumber").asString()), WAIT).data().get("callId").asString();
			api().send(ApiClient.AGENT, "POST", "/api/calling/calls/" + callId + "/hangup", "{}");
		}
		Awaitility.await().atMost(WAIT).untilAsserted(() ->
				assertThat(value("switchboard_live_events_latency_seconds_count", "cause=\"webhook\",event=\"call\"")).isGreaterThan(popsBefore));
		assertThat(value("switchboard_webhooks_deliveries_total", "outcome=\"stored\"")).isGreaterThan(storedBefore);
		String metrics = scrape(ApiClient.ADMIN, ApiClient.PASSWORD).body();
		assertThat(metrics).contains("switchboard_live_events_latency_seconds_bucket{cause=\"webhook\",event=\"call\"");
		assertThat(metrics).containsPattern("switchboard_webex_requests_seconds_count\\{endpoint=\"/v1/telephony/calls/hangup\",method=\"POST\",status=\"20\\d\"");
		assertThat(metrics).containsPattern("switchboard_crm_calls_seconds_count\\{adapter=\"embedded\",operation=\"findByPhone\",outcome=\"ok\"");
		assertThat(metrics).containsPattern("switchboard_webhooks_last_received_seconds [1-9]");
	}

	@Test
	void aDeliveryForAnUnknownWebhookIsCountedAsSuch() {
		double before = value("switchboard_webhooks_deliveries_total", "outcome=\"unknown_webhook\"");
		HttpResponse<String> rejected = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/webex"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"no-such-webhook\",\"resource\":\"messages\",\"event\":\"created\",\"data\":{}}")));
		assertThat(rejected.statusCode()).isEqualTo(404);
		assertThat(value("switchboard_webhooks_deliveries_total", "outcome=\"unknown_webhook\"")).isEqualTo(before + 1);
	}

	@Test
	void theAdminConsoleChartsStuckDeliveriesTheLastWebhookAndOutboxAge() {
		ApiClient.Response console = api().get(ApiClient.ADMIN, "/admin");
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.body()).contains("data-chart=\"deliveries-stuck\"", "data-chart=\"outbox-age\"",
				"data-chart=\"last-webhook\"", "<svg class=\"sparkline\"");
		assertThat(console.body()).doesNotContain("<script>");
	}

	/** The value of one series in the scrape (0 when it is not there yet). */
	private double value(String name, String labels) {
		String body = scrape(ApiClient.ADMIN, ApiClient.PASSWORD).body();
		Pattern line = Pattern.compile("^" + Pattern.quote(name) + (labels.isEmpty() ? "" : "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\}")
				+ " ([0-9.eE+-]+)$", Pattern.MULTILINE);
		Matcher m = line.matcher(body);
		double sum = 0;
		while (m.find()) {
			sum += Double.parseDouble(m.group(1));
		}
		return sum;
	}

	private HttpResponse<String> scrape(String user, String password) {
		return get("/actuator/prometheus", user, password);
	}

	private HttpResponse<String> get(String path, String user, String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return send(request);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
