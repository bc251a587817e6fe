package org.switchboard.webex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.sandbox.RunningSandbox;
import dev.switchboard.sandbox.SandboxOptions;
import dev.switchboard.sandbox.WebexSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexProperties;
import org.switchboard.webex.WebhookRequest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The Webex client against the bundled sandbox over real HTTP, with waits recorded instead of slept. */
class WebexClientTests {

	private static final String TOKEN = "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	private static RunningSandbox sandbox;
	private final List<Duration> waits = new CopyOnWriteArrayList<>();
	private WebexClient client;

	@BeforeAll
	static void startSandbox() throws Exception {
		sandbox = WebexSandbox.start(SandboxOptions.defaults().withPort(0));
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@BeforeEach
	void client() throws Exception {
		control("POST", "/sandbox/reset", null);
		control("DELETE", "/sandbox/faults", null);
		WebexProperties properties = new WebexProperties(URI.create(sandbox.baseUrl() + "/v1"), Duration.ofSeconds(2),
				Duration.ofSeconds(5), 4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60));
		client = new WebexClient(new WebexHttp(properties, JsonMapper.builder().build(), Clock.systemUTC(), waits::add, new SimpleMeterRegistry()));
	}

	@Test
	void followsLinkPagesToTheEnd() {
		for (int i = 0; i < 250; i++) {
			client.createWebhook(TOKEN, new WebhookRequest("hook " + i, "http://127.0.0.1:1/x", "telephony_calls", "all", null, "s", null));
		}
		assertThat(client.webhooks(TOKEN)).hasSize(250).extracting(w -> w.id()).doesNotHaveDuplicates();
	}

	@Test
	void honoursRetryAfterOn429() throws Exception {
		control("PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[429],\"retryAfterSeconds\":2,\"count\":2}");

		assertThat(client.me(TOKEN).email()).isEqualTo("agent@switchboard.test");
		assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
	}

	@Test
	void fallsBackToASaneWaitForAMalformedRetryAfter() throws Exception {
		control("PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[429],\"retryAfterHeader\":\"rand(30),add(30)\",\"count\":1}");

		assertThat(client.me(TOKEN).type()).isEqualTo("person");
		assertThat(waits).containsExactly(Duration.ofSeconds(15));
	}

	@Test
	void retriesAnIdempotentRequestOn503UntilItSucceeds() throws Exception {
		control("PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[503],\"count\":2}");

		assertThat(client.webhooks(TOKEN)).isEmpty();
		assertThat(waits).hasSize(2).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void doesNotRepeatANonIdempotentRequestAfter503() throws Exception {
		control("PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[503],\"count\":1}");

		assertThatThrownBy(() -> client.dial(TOKEN, "+14155550100")).isInstanceOfSatisfying(WebexApiException.class,
				e -> assertThat(e.status()).isEqualTo(503));
		assertThat(waits).isEmpty();
		assertThat(client.activeCalls(TOKEN)).isEmpty();
	}

	@Test
	void mapsA404WithWebexTrackingIdAndNeverShowsTheToken() {
		assertThatThrownBy(() -> client.room(TOKEN, "no-such-room")).isInstanceOfSatisfying(WebexApiException.NotFound.class, e -> {
			assertThat(e.trackingId()).startsWith("SWITCHBOARD_");
			assertThat(e.getMessage()).contains("404").doesNotContain(TOKEN);
		});
		assertThatThrownBy(() -> client.me("expired-token")).isInstanceOfSatisfying(WebexApiException.Unauthorized.class,
				e -> assertThat(e.getMessage()).doesNotContain("expired-token"));
	}

	@Test
	void postsAFileAsMultipartAndDownloadsItBack() {
		String roomId = client.createRoom(TOKEN, "Deal room").get("id").asString();
		byte[] pdf = "%PDF-1.4 quote".getBytes(java.nio.charset.StandardCharsets.UTF_8);

		org.switchboard.webex.WebexMessage message = client.postFile(TOKEN, roomId, "The quote", "quote.pdf", pdf);

		String url = message.files().get(0).toString();
		assertThat(url).startsWith(sandbox.baseUrl() + "/v1/contents/");
		assertThat(client.attachment(TOKEN, URI.create(url))).isEqualTo(pdf);
		assertThat(client.messages(TOKEN, roomId, 10, null)).extracting(m -> m.text()).containsExactly("The quote");
		assertThatThrownBy(() -> client.attachment("c2FuZGJveC10b2tlbi12aWV3ZXI_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", URI.create(url)))
			.isInstanceOf(WebexApiException.NotFound.class);
	}

	@Test
	void refusesToSendTheTokenToAnotherHost() {
		assertThatThrownBy(() -> client.attachment(TOKEN, URI.create("http://evil.example.com/v1/contents/1")))
			.isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(TOKEN);
	}

	private static void control(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json");
		HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
	}
}
