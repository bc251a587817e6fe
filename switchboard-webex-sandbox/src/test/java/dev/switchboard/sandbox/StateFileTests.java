package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** A sandbox started again on its state file knows what a real Webex keeps when its client restarts. */
class StateFileTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final String REDIRECT = "http://localhost:9/webex/oauth/callback";

	@TempDir
	Path dir;

	@Test
	void aSandboxStartedAgainOnItsStateFileKnowsTheIntegrationTheGrantsAndTheWebhooks() throws Exception {
		Path file = dir.resolve("sandbox.json");
		JsonNode integration;
		JsonNode tokens;
		JsonNode webhook;
		try (RunningSandbox first = start(file)) {
			SandboxClient client = new SandboxClient(first.baseUrl());
			integration = createIntegration(client);
			tokens = signIn(client, integration, "agent@switchboard.test");
			webhook = client.json(tokens.get("access_token").asString(), "POST", "/v1/webhooks", """
					{"name":"calls","targetUrl":"http://localhost:9/webhooks/webex","resource":"telephony_calls","event":"all","secret":"s3cret"}""");
		}
		try (RunningSandbox second = start(file)) {
			SandboxClient client = new SandboxClient(second.baseUrl());
			String access = tokens.get("access_token").asString();

			assertThat(client.json(access, "GET", "/v1/people/me", null).get("emails").get(0).asString()).isEqualTo("agent@switchboard.test");
			JsonNode listed = client.json(access, "GET", "/v1/webhooks", null).get("items");
			assertThat(listed).hasSize(1);
			assertThat(listed.get(0).get("id").asString()).isEqualTo(webhook.get("id").asString());
			assertThat(listed.get(0).get("secret").asString()).isEqualTo("s3cret");
			assertThat(listed.get(0).get("status").asString()).isEqualTo("active");
			HttpResponse<String> refreshed = form(client, "/v1/access_token", Map.of("grant_type", "refresh_token",
					"client_id", integration.get("clientId").asString(), "client_secret", integration.get("clientSecret").asString(),
					"refresh_token", tokens.get("refresh_token").asString()));
			assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		}
	}

	@Test
	void aRevokedGrantAndADeletedWebhookStayGoneAfterARestart() throws Exception {
		Path file = dir.resolve("sandbox.json");
		String access;
		try (RunningSandbox first = start(file)) {
			SandboxClient client = new SandboxClient(first.baseUrl());
			access = signIn(client, createIntegration(client), "viewer@switchboard.test").get("access_token").asString();
			String id = client.json(access, "POST", "/v1/webhooks", """
					{"name":"m","targetUrl":"http://localhost:9/w","resource":"messages","event":"created"}""").get("id").asString();
			client.call(access, "DELETE", "/v1/webhooks/" + id, null);
			client.call(null, "POST", "/sandbox/oauth/revoke", "{\"email\":\"viewer@switchboard.test\"}");
		}
		try (RunningSandbox second = start(file)) {
			assertThat(new SandboxClient(second.baseUrl()).call(access, "GET", "/v1/people/me", null).statusCode()).isEqualTo(401);
			assertThat(new SandboxClient(second.baseUrl()).call(Tokens.VIEWER, "GET", "/v1/webhooks", null).body()).contains("\"items\":[]");
		}
	}

	@Test
	void anUnreadableStateFileStartsTheSandboxEmptyAndIsReplacedAtTheNextChange() throws Exception {
		Path file = dir.resolve("sandbox.json");
		Files.writeString(file, "{not json");
		try (RunningSandbox sandbox = start(file)) {
			SandboxClient client = new SandboxClient(sandbox.baseUrl());
			assertThat(client.json(null, "GET", "/sandbox/integrations", null).get("items")).isEmpty();

			createIntegration(client);

			assertThat(SandboxClient.JSON.readTree(file.toFile()).get("oauth").get("integrations")).hasSize(1);
		}
	}

	@Test
	void onlyItsOwnerCanReadTheStateFile() throws Exception {
		Path file = dir.resolve("sandbox.json");
		try (RunningSandbox sandbox = start(file)) {
			createIntegration(new SandboxClient(sandbox.baseUrl()));
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	private static RunningSandbox start(Path file) throws Exception {
		return WebexSandbox.start(SandboxOptions.defaults().withPort(0).withStateFile(file));
	}

	private static JsonNode createIntegration(SandboxClient client) throws Exception {
		return client.json(null, "POST", "/sandbox/integrations", """
				{"name":"Switchboard test","redirectUris":["%s"],"scopes":["spark:people_read"]}""".formatted(REDIRECT));
	}

	private static JsonNode signIn(SandboxClient client, JsonNode integration, String email) throws Exception {
		String clientId = integration.get("clientId").asString();
		HttpResponse<String> consent = form(client, "/v1/authorize", Map.of("client_id", clientId, "redirect_uri", REDIRECT,
				"scope", "spark:people_read", "state", "s", "email", email, "decision", "accept"));
		String query = URI.create(consent.headers().firstValue("Location").orElseThrow()).getRawQuery();
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			params.put(pair.substring(0, pair.indexOf('=')), URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
		}
		HttpResponse<String> tokens = form(client, "/v1/access_token", Map.of("grant_type", "authorization_code", "client_id", clientId,
				"client_secret", integration.get("clientSecret").asString(), "code", params.get("code"), "redirect_uri", REDIRECT));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return SandboxClient.JSON.readTree(tokens.body());
	}

	private static HttpResponse<String> form(SandboxClient client, String path, Map<String, String> fields) throws Exception {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HTTP.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
