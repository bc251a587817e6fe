package org.switchboard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.SwitchboardApplication;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;
import org.switchboard.support.SseClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's start command twice on the same data (file-based H2, same key, same ports): the second start meets a
 * fresh, empty sandbox (as if Webex had lost our sign-ins and webhooks) and must still pop ringing calls and deliver
 * messages live, as the first did; with the sandbox's state file under the data (the README's default, ADR 0034) it
 * finds the users still signed in and their webhooks in place.
 */
class RestartOnTheSameDataTests {

	private static final Duration WAIT = Duration.ofSeconds(20);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path data;

	private final int port = EmbeddedDefault.freePort();
	private final int sandboxPort = EmbeddedDefault.freePort();

	@Test
	void theSecondStartOnTheSameDataStillPopsACallAndDeliversAMessageLive() throws Exception {
		try (ConfigurableApplicationContext first = start()) {
			assertRingingCallPops();
		}
		try (ConfigurableApplicationContext second = start()) {
			JsonNode status = new ApiClient(port).get(ApiClient.ADMIN, "/api/admin/integration").json();
			assertThat(status.get("linkedUsers").asInt()).isEqualTo(3);
			assertThat(status.get("webhooks")).as("every user's calls, messages and meetings webhooks, made again at the fresh sandbox").hasSize(9)
				.allSatisfy(w -> assertThat(w.get("status").asString()).isEqualTo("active"));

			assertRingingCallPops();
			assertMessageArrivesLive();
			assertDemoWebinarsAreBack();
		}
	}

	@Test
	void aSecondStartOnASandboxThatKeptItsStateFindsTheUsersSignedInAndTheirWebhooksInPlace() {
		String stateFile = "--switchboard.webex.sandbox.state-file=" + data.resolve("webex-sandbox.json");
		List<String> before;
		try (ConfigurableApplicationContext first = start(stateFile)) {
			before = webhookIds();
		}
		try (ConfigurableApplicationContext second = start(stateFile)) {
			JsonNode status = new ApiClient(port).get(ApiClient.ADMIN, "/api/admin/integration").json();
			assertThat(status.get("linkedUsers").asInt()).isEqualTo(3);
			assertThat(status.get("tokenValid").asBoolean()).isTrue();
			assertThat(webhookIds()).as("the same 9 webhooks: nothing made again").hasSize(9).containsExactlyInAnyOrderElementsOf(before);

			assertRingingCallPops();
		}
	}

	private List<String> webhookIds() {
		JsonNode webhooks = new ApiClient(port).get(ApiClient.ADMIN, "/api/admin/integration").json().get("webhooks");
		return java.util.stream.StreamSupport.stream(webhooks.spliterator(), false).map(w -> w.get("id").asString()).toList();
	}

	private void assertDemoWebinarsAreBack() {
		JsonNode webinars = new ApiClient(port).get(ApiClient.ADMIN, "/api/webinars").json().get("webinars");
		assertThat(webinars).extracting(w -> w.get("title").asString()).contains(DemoWebinars.PAST, DemoWebinars.UPCOMING);
		JsonNode launch = java.util.stream.StreamSupport.stream(webinars.spliterator(), false)
			.filter(w -> DemoWebinars.PAST.equals(w.get("title").asString())).findFirst().orElseThrow();
		assertThat(launch.get("registrants").asInt()).as("switchboard.demo.webinar-registrants of the tests' configuration").isEqualTo(200);
		assertThat(launch.get("attendees").asInt()).as("a quarter of them, over its two occurrences").isEqualTo(50);
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> args = new java.util.ArrayList<>(List.of(
				"--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("switchboard") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--switchboard.secrets.key-file=" + data.resolve("secret.key"),
				"--switchboard.webex.sandbox.enabled=true",
				"--switchboard.webex.sandbox.port=" + sandboxPort,
				"--switchboard.webex.base-url=http://localhost:" + sandboxPort + "/v1",
				"--switchboard.embedded.notifications=false"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(SwitchboardApplication.class).run(args.toArray(String[]::new));
	}

	private void assertRingingCallPops() {
		try (SseClient events = new SseClient(port, ApiClient.AGENT, "/api/calling/events")) {
			Awaitility.await().atMost(WAIT).until(() -> events.status() == 200);
			String number = "+1 (415) 555-" + (1000 + (int) (Math.random() * 8999));
			String callId = sandbox("POST", "/sandbox/calls/inbound", null,
					"{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"" + number + "\",\"fromName\":\"Rita\"}").get("callId").asString();

			JsonNode ringing = events.next(c -> "alerting".equals(c.path("state").asString()) && number.equals(c.path("remoteNumber").asString()), WAIT).data();
			assertThat(ringing.get("direction").asString()).isEqualTo("inbound");
			sandbox("POST", "/sandbox/calls/" + callId + "/hangup", null, "{}");
		}
	}

	private void assertMessageArrivesLive() {
		ApiClient api = new ApiClient(port);
		String contact = api.get(ApiClient.ADMIN, "/api/records/Contact?limit=1").json().get("records").get(0).get("id").asString();
		JsonNode space = api.send(ApiClient.ADMIN, "POST", "/api/records/Contact/" + contact + "/spaces",
				"{\"title\":\"After the restart\",\"members\":[{\"email\":\"agent@switchboard.test\"}]}").json();
		try (SseClient events = new SseClient(port, ApiClient.ADMIN, "/api/messaging/events")) {
			Awaitility.await().atMost(WAIT).until(() -> events.status() == 200);
			String text = "still live after a restart " + UUID.randomUUID();
			sandbox("POST", "/v1/messages", "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "{\"roomId\":\"" + space.get("roomId").asString() + "\",\"text\":\"" + text + "\"}");

			SseClient.Event event = events.next(m -> text.equals(m.path("text").asString()), WAIT);
			assertThat(event.name()).isEqualTo("message");
		}
	}

	private JsonNode sandbox(String method, String path, String token, String json) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + sandboxPort + path))
				.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isLessThan(300);
			return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
