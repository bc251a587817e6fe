package org.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A1 and A5 on the embedded default with its own sandbox: registration status with what to do about a refused token,
 * health that never calls Webex, and uninstall of a fully used installation (last, since it removes everything).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"switchboard.webex.connection-check-delay=PT1H", "switchboard.webex.connection-check-interval=PT1H" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrationLifecycleTests {

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void embeddedDefault(DynamicPropertyRegistry registry) {
		EmbeddedDefault.register(registry, SANDBOX_PORT);
	}

	@AfterEach
	void webexWorksAgain() {
		sandbox("DELETE", "/sandbox/faults", null);
	}

	@Test
	@Order(1)
	void healthAnswersFromTheLastCheckWhileEveryWebexCallFails() {
		assertThat(status().path("tokenState").asString()).isEqualTo("valid");
		faults(500);

		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			ApiClient.Response health = api().get(null, path);
			assertThat(health.status()).as(path).isEqualTo(200);
			assertThat(health.json().path("status").asString()).isEqualTo("UP");
			assertThat(health.json().has("components")).as("an anonymous caller sees no components").isFalse();
			assertThat(health.json().has("details")).isFalse();
		}

		JsonNode status = status();
		assertThat(status.path("tokenState").asString()).isEqualTo("unreachable");
		assertThat(status.path("tokenAdvice").asString()).contains("checks again every minute");
		assertThat(api().get(null, "/actuator/health").status()).isEqualTo(503);
		assertThat(api().get(null, "/actuator/health/readiness").json().path("status").asString()).isEqualTo("DOWN");
		assertThat(api().get(null, "/actuator/health/liveness").json().path("status").asString()).as("the process and database are fine")
			.isEqualTo("UP");

		sandbox("DELETE", "/sandbox/faults", null);
		assertThat(status().path("tokenState").asString()).isEqualTo("valid");
		assertThat(api().get(null, "/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	@Order(2)
	void aTokenWebexNoLongerAcceptsIsShownAsExpiredOrRevokedWithWhatToDo() {
		faults(401);
		JsonNode status = status();
		assertThat(status.path("registered").asBoolean()).isTrue();
		assertThat(status.path("tokenValid").asBoolean()).isFalse();
		assertThat(status.path("tokenState").asString()).isEqualTo("rejected");
		assertThat(status.path("tokenAdvice").asString()).contains("expired", "revoked", "register it again");
		assertThat(api().get(null, "/actuator/health").json().path("status").asString()).isEqualTo("DOWN");
	}

	@Test
	@Order(3)
	void registeringABotsTokenOrARejectedOneIsRefusedAndKeepsTheRegistration() {
		String before = status().path("registration").path("email").asString();

		ApiClient.Response bot = api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/register",
				"{\"accessToken\":\"" + person(p -> "bot".equals(p.path("type").asString())).path("token").asString() + "\"}");
		assertThat(bot.status()).isEqualTo(400);
		assertThat(bot.json().path("detail").asString()).contains("bot");
		assertThat(bot.json().path("errors").path(0).path("field").asString()).isEqualTo("accessToken");

		ApiClient.Response rejected = api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/register", "{\"accessToken\":\"not-a-token\"}");
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.body()).doesNotContain("not-a-token");

		assertThat(status().path("registration").path("email").asString()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void unregisteringAndRegisteringAgainShowsEachState() {
		assertThat(api().send(ApiClient.AGENT, "DELETE", "/api/admin/integration", null).status()).isEqualTo(403);
		assertThat(api().send(ApiClient.ADMIN, "DELETE", "/api/admin/integration", null).status()).isEqualTo(204);
		JsonNode unregistered = status();
		assertThat(unregistered.path("registered").asBoolean()).isFalse();
		assertThat(unregistered.path("tokenState").asString()).isEqualTo("not registered");
		assertThat(unregistered.path("tokenAdvice").asString()).contains("Register");
		assertThat(api().get(null, "/actuator/health").json().path("status").asString()).isEqualTo("UP");

		String adminToken = person(p -> p.path("email").asString().startsWith("admin@")).path("token").asString();
		ApiClient.Response registered = api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/register",
				"{\"accessToken\":\"" + adminToken + "\"}");
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.json().path("tokenState").asString()).isEqualTo("valid");
		assertThat(registered.body()).doesNotContain(adminToken);
	}

	@Test
	@Order(5)
	void theConsoleShowsTheTokenStateAndWhatUninstallWouldRemove() throws Exception {
		HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((ApiClient.ADMIN + ":" + ApiClient.PASSWORD).getBytes()))
			.header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"integration-admin\"", "data-testid=\"uninstall-admin\"", "data-register-form",
				"Uninstall: remove all of it", "telephony_calls webhook of", "<strong>valid</strong>");
		assertThat(page.body()).doesNotContain(person(p -> p.path("email").asString().startsWith("admin@")).path("token").asString());
	}

	@Test
	@Order(10)
	void uninstallOfAFullyUsedInstallationLeavesNothingAtWebexAndRunningItTwiceIsHarmless() throws Exception {
		assertThat(api().get(ApiClient.AGENT, "/api/admin/uninstall").status()).isEqualTo(403);
		assertThat(api().send(ApiClient.AGENT, "POST", "/api/admin/uninstall", null).status()).isEqualTo(403);
		String opportunity = api().get(ApiClient.ADMIN, "/api/records/Opportunity?limit=1").json().path("records").path(0).path("id").asString();
		JsonNode space = api().send(ApiClient.AGENT, "POST", "/api/records/Opportunity/" + opportunity + "/spaces",
				"{\"title\":\"Uninstall deal\",\"members\":[{\"email\":\"admin@switchboard.test\"}]}").json();
		String roomId = space.path("roomId").asString();
		JsonNode meeting = api().send(ApiClient.AGENT, "POST", "/api/records/Opportunity/" + opportunity + "/meetings",
				"{\"start\":\"" + Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS) + "\"}").json();
		assertThat(meeting.path("webexMeetingId").asString()).as(meeting.toString()).isNotEmpty();
		assertThat(api().send(ApiClient.ADMIN, "PUT", "/api/admin/settings/meetings",
				"{\"logs\":{\"enabled\":true},\"pastDays\":7,\"upcomingDays\":14,\"enabledForAll\":true}").status()).isEqualTo(200);
		jdbc.sql("INSERT INTO webex_signed_out (user_id, email, reason, signed_out_date) VALUES ('005SIGNEDOUT00001', 'gone@example.com', "
				+ "'Webex no longer accepts your sign-in', CURRENT_TIMESTAMP)").update();
		JsonNode inventory = waitFor(() -> api().get(ApiClient.ADMIN, "/api/admin/uninstall").json(), i -> i.path("botMembership").size() > 0);
		api().send(ApiClient.ADMIN, "PATCH", "/api/records/Opportunity/" + opportunity, "{\"StageName\":\"Closed Lost\"}");

		assertThat(inventory.path("empty").asBoolean()).isFalse();
		assertThat(inventory.path("webhook").size()).as("calls, messages and meetings of three users").isEqualTo(9);
		assertThat(inventory.path("space").size()).isEqualTo(1);
		assertThat(inventory.path("rule").size()).as("the example rule").isEqualTo(1);
		assertThat(inventory.path("meeting").size()).as("the meeting tied to the opportunity").isEqualTo(1);
		assertThat(inventory.path("token").valueStream().map(t -> t.path("description").asString()))
			.anyMatch(d -> d.startsWith("registration token")).anyMatch(d -> d.startsWith("notification bot token"))
			.anyMatch(d -> d.startsWith("client id and secret of the Webex integration"))
			.anyMatch(d -> d.contains("lent to schedule meetings for all users"))
			.anyMatch(d -> d.equals("note that gone@example.com was signed out of Webex"))
			.filteredOn(d -> d.startsWith("Webex token of")).hasSize(3);
		assertThat(inventory.toString()).doesNotContain(person(p -> true).path("token").asString());

		JsonNode report = api().send(ApiClient.ADMIN, "POST", "/api/admin/uninstall", null).json();
		assertThat(report.path("notRemoved").size()).as(report.toString()).isZero();
		assertThat(report.path("remaining").path("empty").asBoolean()).isTrue();
		assertThat(report.path("removed").size()).isGreaterThanOrEqualTo(9 + 1 + 1 + 1 + 1 + 8);
		for (String table : List.of("meeting", "meeting_delegate", "meeting_ended", "webex_signed_out", "webex_oauth_client", "webex_account",
				"webex_webhook")) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()).as("rows left in " + table).isZero();
		}
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/settings/webexIntegration").json().path("clientId").isNull()).isTrue();
		assertThat(webex(person(p -> p.path("email").asString().startsWith("agent@")).path("token").asString(),
				"/v1/meetings/" + meeting.path("webexMeetingId").asString()).path("id").asString())
			.as("the meeting stays in its host's Webex calendar").isEqualTo(meeting.path("webexMeetingId").asString());

		for (JsonNode person : sandbox("GET", "/sandbox/people", null).path("items")) {
			assertThat(webex(person.path("token").asString(), "/v1/webhooks").path("items").size())
				.as("webhooks of " + person.path("email").asString() + " at the sandbox").isZero();
		}
		String agentToken = person(p -> p.path("email").asString().startsWith("agent@")).path("token").asString();
		String botId = person(p -> "bot".equals(p.path("type").asString())).path("id").asString();
		assertThat(webex(agentToken, "/v1/memberships?roomId=" + roomId).path("items").valueStream().map(m -> m.path("personId").asString()))
			.as("the bot left the space").doesNotContain(botId).isNotEmpty();
		assertThat(api().get(ApiClient.AGENT, "/api/records/Opportunity/" + opportunity + "/spaces").json().path("spaces").size()).isZero();
		assertThat(status().path("registered").asBoolean()).isFalse();

		JsonNode again = api().send(ApiClient.ADMIN, "POST", "/api/admin/uninstall", null).json();
		assertThat(again.path("removed").size()).isZero();
		assertThat(again.path("notRemoved").size()).isZero();
		assertThat(again.path("remaining").path("empty").asBoolean()).isTrue();
	}

	private ApiClient api() {
		return new ApiClient(port);
	}

	private JsonNode status() {
		ApiClient.Response response = api().get(ApiClient.ADMIN, "/api/admin/integration");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static void faults(int status) {
		sandbox("PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[" + status + "]}");
	}

	private static JsonNode person(Predicate<JsonNode> which) {
		return sandbox("GET", "/sandbox/people", null).path("items").valueStream().filter(which).findFirst().orElseThrow();
	}

	private static JsonNode webex(String token, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + path)).header("Authorization", "Bearer " + token).GET());
	}

	private static JsonNode sandbox(String method, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + path)).header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
	}

	private static JsonNode send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isLessThan(300);
			return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode waitFor(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(read::get, done);
	}
}
