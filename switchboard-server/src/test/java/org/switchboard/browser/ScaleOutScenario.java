package org.switchboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;

import com.microsoft.playwright.Page;

import dev.switchboard.sandbox.RunningSandbox;
import dev.switchboard.sandbox.SandboxOptions;
import dev.switchboard.sandbox.WebexSandbox;
import dev.switchboard.sandbox.people.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scale-out, proven end to end: three Switchboard replicas (separate JVMs) on one PostgreSQL schema behind Debian's
 * HAProxy (round-robin, no sticky sessions), the Webex sandbox delivering webhooks through the proxy, and the agent
 * in Chromium signed in through the proxy. Inbound calls and stage changes run in three phases: all replicas up, one
 * killed with SIGKILL, that one restarted. Every call pops exactly once in the browser, every notification is posted
 * exactly once, webhooks and browser streams reach every replica, and the session outlives the replica it began on.
 *
 * <p>Too slow for the default test command (four JVMs on two cores): run it with
 * {@code ./mvnw -pl switchboard-server -am verify -Dtest=ScaleOutScenario -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScaleOutScenario {

	private static final Duration START = Duration.ofMinutes(4);
	private static final Duration WAIT = Duration.ofSeconds(60);
	private static final int CALLS_PER_PHASE = 3;
	private static final List<String> STAGES = List.of("Qualification", "Needs Analysis", "Value Proposition",
			"Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote");
	private static final String KEY = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
	private static final Path LOGS = Paths.get("target", "scale-out");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String schema = "sb_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	private final int[] ports = { EmbeddedDefault.freePort(), EmbeddedDefault.freePort(), EmbeddedDefault.freePort() };
	private final int proxyPort = EmbeddedDefault.freePort();
	private final int statsPort = EmbeddedDefault.freePort();
	private final Process[] replicas = new Process[3];
	private final HttpClient http = HttpClient.newHttpClient();
	private Process proxy;
	private RunningSandbox sandbox;

	@AfterEach
	void stopEverythingAndDropTheSchema() throws Exception {
		for (Process replica : replicas) {
			if (replica != null) {
				replica.destroyForcibly().waitFor();
			}
		}
		if (proxy != null) {
			proxy.destroyForcibly().waitFor();
		}
		if (sandbox != null) {
			sandbox.close();
		}
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
				var statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	@Test
	void threeReplicasBehindAProxyPopEveryCallOnceAndPostEveryNotificationOnceWhileOneIsKilledAndRestarted() throws Exception {
		Files.createDirectories(LOGS);
		sandbox = WebexSandbox.start(SandboxOptions.defaults().withPort(EmbeddedDefault.freePort())
			.withTimings(Duration.ofSeconds(2), Duration.ofSeconds(1)));
		replicas[0] = startReplica(0);
		awaitHealthy(0);
		replicas[1] = startReplica(1);
		replicas[2] = startReplica(2);
		awaitHealthy(1);
		awaitHealthy(2);
		proxy = startProxy();
		Awaitility.await().atMost(WAIT).until(() -> status("GET", proxyUrl("/actuator/health"), null, null) == 200);

		Map<String, String> callers = setUpIntegrationNotificationsAndCallers();
		List<String> opportunities = opportunitiesWithSpaces(3);
		List<String> navigations = new CopyOnWriteArrayList<>();
		Map<String, List<String>> expectedMessages = new LinkedHashMap<>();
		opportunities.forEach(o -> expectedMessages.put(o, new ArrayList<>()));
		List<String> numbers = new ArrayList<>(callers.keySet());

		try (Browser browser = new Browser(proxyUrl(""))) {
			Page agent = browser.signIn(ApiClient.AGENT);
			// Playwright hands events over only while the test is inside one of its calls (waitForURL, waitForTimeout).
			agent.onRequest(request -> {
				if (request.isNavigationRequest() && "document".equals(request.resourceType())) {
					navigations.add(URI.create(request.url()).getPath());
				}
			});
			agent.waitForFunction("() => document.getElementById('calling')?.dataset.ready === 'true'");

			// Phase 1: all three up.
			changeStages(opportunities, expectedMessages, 0);
			ringAndHangUp(agent, numbers.subList(0, CALLS_PER_PHASE), callers, navigations);

			// Phase 2: stage changes in flight, then replica 2 is killed; calls go on through the other two.
			changeStages(opportunities, expectedMessages, 1);
			replicas[1].destroyForcibly().waitFor();
			changeStages(opportunities, expectedMessages, 2);
			ringAndHangUp(agent, numbers.subList(CALLS_PER_PHASE, 2 * CALLS_PER_PHASE), callers, navigations);
			agent.navigate("/");
			assertThat(URI.create(agent.url()).getPath()).as("still signed in after a replica died").isEqualTo("/");

			// Phase 3: replica 2 back.
			replicas[1] = startReplica(1);
			awaitHealthy(1);
			Awaitility.await("the proxy sends to replica 2 again").atMost(WAIT).until(() -> proxyCountsUp("replica2"));
			changeStages(opportunities, expectedMessages, 3);
			ringAndHangUp(agent, numbers.subList(2 * CALLS_PER_PHASE, 3 * CALLS_PER_PHASE), callers, navigations);
			// A late duplicate pop would be a navigation to a record already popped; Playwright reports it while polled here.
			Awaitility.await("no late duplicate pop").pollInSameThread().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> {
				agent.evaluate("1");
				return navigations.stream().filter(p -> p.startsWith("/records/Contact/")).distinct().count()
						== navigations.stream().filter(p -> p.startsWith("/records/Contact/")).count();
			});
			agent.navigate("/");
			assertThat(URI.create(agent.url()).getPath()).isEqualTo("/");
		}

		callers.values().forEach(contact -> assertThat(navigations.stream().filter(p -> p.equals("/records/Contact/" + contact)))
			.as("screen pops of the call from contact " + contact).hasSize(1));
		assertThat(navigations).as("never sent back to sign in").noneMatch(p -> p.startsWith("/login"));
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema, "postgres", "");
				var query = connection.prepareStatement("SELECT remote_number, COUNT(*) FROM calling_call GROUP BY remote_number");
				var rows = query.executeQuery()) {
			Map<String, Integer> calls = new LinkedHashMap<>();
			while (rows.next()) {
				calls.put(rows.getString(1), rows.getInt(2));
			}
			callers.keySet().forEach(number -> assertThat(calls.get(number)).as("calls stored for " + number).isEqualTo(1));
		}

		for (Map.Entry<String, List<String>> room : roomsOf(opportunities, expectedMessages).entrySet()) {
			Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(botMessages(room.getKey()))
				.as("messages in the space, oldest first").containsExactlyElementsOf(room.getValue()));
		}
		Map<String, List<String>> rooms = roomsOf(opportunities, expectedMessages);
		Awaitility.await("no late duplicate").during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> {
			for (Map.Entry<String, List<String>> room : rooms.entrySet()) {
				assertThat(botMessages(room.getKey())).as("no late duplicate").hasSameSizeAs(room.getValue());
			}
		});

		for (int i = 0; i < 3; i++) {
			String metrics = get(i, "/actuator/prometheus");
			assertThat(sum(metrics, "switchboard_webhooks_deliveries_total", "outcome=\"stored\""))
				.as("webhooks stored by replica " + (i + 1)).isGreaterThan(0);
			assertThat(sum(metrics, "http_server_requests_seconds_count", "uri=\"/api/calling/events\""))
				.as("browser event streams served by replica " + (i + 1)).isGreaterThan(0);
		}
		Files.writeString(LOGS.resolve("result.txt"), "calls popped once: " + callers.size() + ", notifications posted once: "
				+ expectedMessages.values().stream().mapToInt(List::size).sum() + ", replicas: 3, killed and restarted: 1\n");
	}

	private Process startReplica(int i) throws IOException {
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"org.switchboard.SwitchboardApplication",
				"--server.port=" + ports[i],
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true",
				"--switchboard.live-events=postgres", "--switchboard.webex.sandbox.enabled=false",
				"--switchboard.webex.base-url=" + sandbox.baseUrl() + "/v1",
				"--switchboard.secrets.key=" + KEY,
				"--switchboard.demo.enabled=" + (i == 0),
				// A delivery the killed replica had claimed is due again when its lease ends (ADR 38): 30 s here, where
				// the sandbox answers at once, so it is posted within the final wait rather than 6 minutes later.
				"--switchboard.notifications.lease=30s",
				"--logging.level.root=WARN");
		return new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("replica-" + (i + 1) + ".log").toFile()))
			.start();
	}

	private void awaitHealthy(int i) {
		Awaitility.await().atMost(START).pollInterval(Duration.ofSeconds(1)).until(() -> {
			assertThat(replicas[i].isAlive()).as("replica " + (i + 1) + " is running (see target/scale-out)").isTrue();
			return status("GET", "http://localhost:" + ports[i] + "/actuator/health", null, null) == 200;
		});
	}

	/** HAProxy from Debian: round-robin over the three, no stickiness, health checks, retries elsewhere on refusal. */
	private Process startProxy() throws IOException {
		StringBuilder config = new StringBuilder("""
				global
				  maxconn 2000
				defaults
				  mode http
				  timeout connect 2s
				  timeout client 10m
				  timeout server 10m
				  timeout check 10s
				  retries 3
				  option redispatch
				frontend switchboard
				  bind 127.0.0.1:%d
				  default_backend replicas
				listen stats
				  bind 127.0.0.1:%d
				  stats enable
				  stats uri /stats
				backend replicas
				  balance roundrobin
				  option httpchk GET /actuator/health
				  default-server inter 2s fall 3 rise 1
				""".formatted(proxyPort, statsPort));
		for (int i = 0; i < 3; i++) {
			config.append("  server replica").append(i + 1).append(" 127.0.0.1:").append(ports[i]).append(" check\n");
		}
		Path file = LOGS.resolve("haproxy.cfg");
		Files.writeString(file, config);
		return new ProcessBuilder("haproxy", "-db", "-f", file.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("haproxy.log").toFile()))
			.start();
	}

	/** Whether HAProxy's health checks count this server of the backend as up (its stats page, as CSV). */
	private boolean proxyCountsUp(String server) throws Exception {
		String csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		List<String> columns = List.of(csv.lines().findFirst().orElseThrow().replaceFirst("^# ", "").split(","));
		return csv.lines().map(line -> line.split(",", -1))
			.anyMatch(row -> row[0].equals("replicas") && row[1].equals(server) && row[columns.indexOf("status")].startsWith("UP"));
	}

	/**
	 * What the embedded default would do, through the proxy: the agent's and admin's Webex accounts linked, the public
	 * base URL set to the proxy, the integration registered, webhooks created, the bot and a stage rule. Returns the
	 * callers: phone number → the contact it pops.
	 */
	private Map<String, String> setUpIntegrationNotificationsAndCallers() throws Exception {
		TextEncryptor encryptor = Encryptors.delux(KEY, HexFormat.of().formatHex("switchboard".getBytes(StandardCharsets.UTF_8)));
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema, "postgres", "")) {
			for (String email : List.of(ApiClient.ADMIN, ApiClient.AGENT)) {
				Person person = person(email);
				String userId = api("GET", "/api/records/User?q=" + email.substring(0, email.indexOf('@')), null)
					.get("records").get(0).get("id").asString();
				try (var insert = connection.prepareStatement("INSERT INTO webex_account (user_id, person_id, email, display_name, token_encrypted, linked_date) VALUES (?, ?, ?, ?, ?, ?)")) {
					insert.setString(1, userId);
					insert.setString(2, person.id());
					insert.setString(3, email);
					insert.setString(4, person.displayName());
					insert.setString(5, encryptor.encrypt(person.token()));
					insert.setObject(6, OffsetDateTime.now());
					insert.executeUpdate();
				}
			}
		}
		api("PUT", "/api/admin/settings/general", "{\"defaultPhoneRegion\":\"US\",\"publicBaseUrl\":\"" + proxyUrl("") + "\"}");
		api("POST", "/api/admin/integration/register", "{\"accessToken\":\"" + person(ApiClient.ADMIN).token() + "\"}");
		api("POST", "/api/admin/integration/site", null);
		String bot = sandbox.people().stream().filter(p -> "bot".equals(p.type())).findFirst().orElseThrow().token();
		api("PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"" + bot + "\"}");
		Map<String, String> callers = new LinkedHashMap<>();
		for (int i = 0; i < 3 * CALLS_PER_PHASE; i++) {
			String number = "+1 (646) 555-01" + (10 + i);
			callers.put(number, api("POST", "/api/records/Contact",
					"{\"LastName\":\"Caller " + i + "\",\"Phone\":\"" + number + "\"}").get("id").asString());
		}
		return callers;
	}

	private List<String> opportunitiesWithSpaces(int count) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = api("POST", "/api/records/Opportunity",
					"{\"Name\":\"Scale-out " + i + "\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2027-03-31\"}").get("id").asString();
			api("POST", "/api/records/Opportunity/" + id + "/spaces", "{}");
			ids.add(id);
		}
		api("POST", "/api/admin/notifications/rules", "{\"name\":\"Stage\",\"object\":\"Opportunity\",\"trackedFields\":[\"StageName\"],"
				+ "\"template\":\"Stage now [[StageName]]\",\"active\":true}");
		return ids;
	}

	private void changeStages(List<String> opportunities, Map<String, List<String>> expected, int round) throws Exception {
		String stage = STAGES.get(round);
		for (String id : opportunities) {
			api("PATCH", "/api/records/Opportunity/" + id, "{\"StageName\":\"" + stage + "\"}");
			expected.get(id).add("Stage now " + stage);
		}
	}

	/** Each caller rings the agent; once the browser popped the caller's record, the agent hangs up. */
	private void ringAndHangUp(Page agent, List<String> numbers, Map<String, String> callers, List<String> navigations) throws Exception {
		for (String number : numbers) {
			String path = "/records/Contact/" + callers.get(number);
			sandboxPost("/sandbox/calls/inbound", "{\"toEmail\":\"" + ApiClient.AGENT + "\",\"fromNumber\":\"" + number + "\"}");
			try {
				agent.waitForURL("**" + path, new Page.WaitForURLOptions().setTimeout(WAIT.toMillis()));
			}
			catch (com.microsoft.playwright.PlaywrightException e) {
				Browser.screenshot(agent, "scale-out-no-pop");
				throw new AssertionError("No screen pop of " + path + " for " + number + "; navigations " + navigations
						+ "; the agent's calls " + apiAs(ApiClient.AGENT, "GET", "/api/calling/calls", null)
						+ "; webhooks stored per replica " + storedPerReplica(), e);
			}
			String callId = null;
			for (JsonNode call : apiAs(ApiClient.AGENT, "GET", "/api/calling/calls", null).get("calls")) {
				if (number.equals(call.get("remoteNumber").asString())) {
					callId = call.get("callId").asString();
				}
			}
			assertThat(callId).as("the ringing call from " + number).isNotNull();
			apiAs(ApiClient.AGENT, "POST", "/api/calling/calls/" + callId + "/hangup", "{}");
		}
	}

	/** Room id → the messages expected in it (the rule's text for each change of its opportunity). */
	private Map<String, List<String>> roomsOf(List<String> opportunities, Map<String, List<String>> expected) throws Exception {
		Map<String, List<String>> rooms = new LinkedHashMap<>();
		for (String id : opportunities) {
			String roomId = api("GET", "/api/records/Opportunity/" + id + "/spaces", null).get("spaces").get(0).get("roomId").asString();
			rooms.put(roomId, expected.get(id));
		}
		return rooms;
	}

	private List<String> botMessages(String roomId) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/messages?max=1000&roomId=" + roomId))
			.header("Authorization", "Bearer " + person(ApiClient.ADMIN).token()).GET().build(), HttpResponse.BodyHandlers.ofString());
		List<String> texts = new ArrayList<>();
		JSON.readTree(response.body()).get("items").forEach(m -> {
			String text = m.path("text").asString("");
			if (text.startsWith("Stage now")) {
				texts.add(0, text);
			}
		});
		return texts;
	}

	private List<Double> storedPerReplica() {
		List<Double> stored = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			try {
				stored.add(sum(get(i, "/actuator/prometheus"), "switchboard_webhooks_deliveries_total", "outcome="));
			}
			catch (Exception e) {
				stored.add(-1.0);
			}
		}
		return stored;
	}

	private Person person(String email) {
		return sandbox.people().stream().filter(p -> p.email().equals(email)).findFirst().orElseThrow();
	}

	private JsonNode api(String method, String path, String json) throws Exception {
		return apiAs(ApiClient.ADMIN, method, path, json);
	}

	private JsonNode apiAs(String user, String method, String path, String json) throws Exception {
		HttpResponse<String> response = send(method, proxyUrl(path), user, json);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
		return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
	}

	private String get(int replica, String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports[replica] + path))
			.header("Accept", "text/plain").header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((ApiClient.ADMIN + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET " + path + " on replica " + (replica + 1)).isEqualTo(200);
		return response.body();
	}

	private int status(String method, String url, String user, String json) {
		try {
			return send(method, url, user, json).statusCode();
		}
		catch (Exception e) {
			return 0;
		}
	}

	private HttpResponse<String> send(String method, String url, String user, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void sandboxPost(String path, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
	}

	private String proxyUrl(String path) {
		return "http://127.0.0.1:" + proxyPort + path;
	}

	private static double sum(String metrics, String name, String label) {
		Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} ([0-9.eE+-]+)$",
				Pattern.MULTILINE).matcher(metrics);
		double sum = 0;
		while (m.find()) {
			sum += Double.parseDouble(m.group(1));
		}
		return sum;
	}
}
