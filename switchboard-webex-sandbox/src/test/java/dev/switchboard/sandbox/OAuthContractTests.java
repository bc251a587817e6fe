package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The sandbox's OAuth 2.0 authorization-code flow answers as Webex's (webex-api.md §2.2). */
class OAuthContractTests {

	private static final String REDIRECT = "http://localhost:9/webex/oauth/callback";
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static RunningSandbox sandbox;
	private static SandboxClient client;
	private static String clientId;
	private static String clientSecret;

	@BeforeAll
	static void start() throws Exception {
		sandbox = WebexSandbox.start(SandboxOptions.defaults().withPort(0).withTokenLifetimes(Duration.ofSeconds(2), Duration.ofDays(90)));
		client = new SandboxClient(sandbox.baseUrl());
		JsonNode integration = client.json(null, "POST", "/sandbox/integrations", """
				{"name":"Switchboard test","redirectUris":["%s"],"scopes":["spark:people_read","spark:calls_read"]}""".formatted(REDIRECT));
		clientId = integration.get("clientId").asString();
		clientSecret = integration.get("clientSecret").asString();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void theAuthorizePageListsTheRequestedScopesAndEscapesTheState() throws Exception {
		HttpResponse<String> page = client.call(null, "GET", authorizeUrl("spark:people_read", "<x>"), null);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("Switchboard test").contains("spark:people_read").contains("&lt;x&gt;").doesNotContain("<x>");
	}

	@Test
	void anUnknownClientOrRedirectUriIsRefusedWithoutARedirect() throws Exception {
		HttpResponse<String> unknownClient = client.call(null, "GET", "/v1/authorize?client_id=nope&response_type=code&redirect_uri="
				+ enc(REDIRECT) + "&scope=spark:people_read&state=s", null);
		HttpResponse<String> otherRedirect = client.call(null, "GET", "/v1/authorize?client_id=" + clientId
				+ "&response_type=code&redirect_uri=" + enc("https://evil.example/cb") + "&scope=spark:people_read&state=s", null);

		assertThat(unknownClient.statusCode()).isEqualTo(400);
		assertThat(otherRedirect.statusCode()).isEqualTo(400);
		assertThat(otherRedirect.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void aScopeTheIntegrationDoesNotHaveComesBackAsInvalidScope() throws Exception {
		HttpResponse<String> answer = client.call(null, "GET", authorizeUrl("spark:messages_write", "s1"), null);

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(query(answer)).containsEntry("error", "invalid_scope").containsEntry("state", "s1");
	}

	@Test
	void decliningRedirectsWithAccessDeniedAndTheState() throws Exception {
		HttpResponse<String> answer = consent("agent@switchboard.test", "decline", "st-1");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(query(answer)).containsEntry("error", "access_denied").containsEntry("state", "st-1").doesNotContainKey("code");
	}

	@Test
	void aBotCannotSignInOnThePage() throws Exception {
		HttpResponse<String> answer = consent("switchboard-bot@webex.bot", "accept", "st");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("no Webex account for that email");
	}

	@Test
	void aCodeBecomesTokensWithWebexsFieldsAndActsAsThePerson() throws Exception {
		JsonNode tokens = exchange(code("admin@switchboard.test"));

		assertThat(tokens.get("access_token").isString()).isTrue();
		assertThat(tokens.get("expires_in").asInt()).isEqualTo(2);
		assertThat(tokens.get("refresh_token").isString()).isTrue();
		assertThat(tokens.get("refresh_token_expires_in").asLong()).isBetween(7_775_990L, 7_776_000L);
		assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(tokens.get("scope").asString()).isEqualTo("spark:people_read spark:calls_read");
		JsonNode me = client.json(tokens.get("access_token").asString(), "GET", "/v1/people/me", null);
		assertThat(me.get("emails").get(0).asString()).isEqualTo("admin@switchboard.test");
		assertThat(me.get("roles").get(0).asString()).isEqualTo(WebexSandbox.FULL_ADMIN_ROLE);
	}

	@Test
	void anAccessTokenStopsWorkingWhenItExpiresAndARefreshGivesANewOne() throws Exception {
		JsonNode tokens = exchange(code("agent@switchboard.test"));
		String access = tokens.get("access_token").asString();
		client.call(null, "POST", "/sandbox/oauth/expire", "{\"email\":\"agent@switchboard.test\"}");

		assertThat(client.call(access, "GET", "/v1/people/me", null).statusCode()).isEqualTo(401);
		HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
				"refresh_token", tokens.get("refresh_token").asString()));
		assertThat(refreshed.statusCode()).isEqualTo(200);
		JsonNode renewed = SandboxClient.JSON.readTree(refreshed.body());
		assertThat(renewed.get("refresh_token").asString()).isEqualTo(tokens.get("refresh_token").asString());
		assertThat(client.call(renewed.get("access_token").asString(), "GET", "/v1/people/me", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongSecretIsInvalidClient() throws Exception {
		HttpResponse<String> answer = token(Map.of("grant_type", "authorization_code", "client_id", clientId, "client_secret", "wrong",
				"code", code("agent@switchboard.test"), "redirect_uri", REDIRECT));

		assertThat(answer.statusCode()).isEqualTo(401);
		JsonNode body = SandboxClient.JSON.readTree(answer.body());
		assertThat(body.get("error").asString()).isEqualTo("invalid_client");
		assertThat(body.get("trackingId").isString()).isTrue();
	}

	@Test
	void aReusedCodeIsRefusedAndRevokesWhatItGave() throws Exception {
		String code = code("agent@switchboard.test");
		JsonNode first = exchange(code);

		HttpResponse<String> again = token(Map.of("grant_type", "authorization_code", "client_id", clientId, "client_secret", clientSecret,
				"code", code, "redirect_uri", REDIRECT));

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(SandboxClient.JSON.readTree(again.body()).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(client.call(first.get("access_token").asString(), "GET", "/v1/people/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void aRevokedRefreshTokenIsInvalidGrant() throws Exception {
		JsonNode tokens = exchange(code("viewer@switchboard.test"));
		client.call(null, "POST", "/sandbox/oauth/revoke", "{\"email\":\"viewer@switchboard.test\"}");

		HttpResponse<String> answer = token(Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
				"refresh_token", tokens.get("refresh_token").asString()));

		assertThat(answer.statusCode()).isEqualTo(400);
		JsonNode body = SandboxClient.JSON.readTree(answer.body());
		assertThat(body.get("error").asString()).isEqualTo("invalid_grant");
		assertThat(body.get("message").asString()).contains("expired, revoked, malformed, or invalid");
	}

	@Test
	void anExpiredRefreshTokenIsInvalidGrant() throws Exception {
		SandboxTime time = new SandboxTime();
		try (RunningSandbox shortLived = WebexSandbox.start(SandboxOptions.defaults().withPort(0)
			.withTokenLifetimes(Duration.ofDays(14), Duration.ofDays(90)).withClock(time.clock()))) {
			SandboxClient other = new SandboxClient(shortLived.baseUrl());
			JsonNode integration = other.json(null, "POST", "/sandbox/integrations", """
					{"name":"x","redirectUris":["%s"],"scopes":["spark:people_read"],"clientId":"c1","clientSecret":"s1"}""".formatted(REDIRECT));
			assertThat(integration.get("clientId").asString()).isEqualTo("c1");
			HttpResponse<String> consent = form(shortLived.baseUrl() + "/v1/authorize", Map.of("client_id", "c1", "redirect_uri", REDIRECT,
					"scope", "spark:people_read", "state", "s", "email", "agent@switchboard.test", "decision", "accept"));
			HttpResponse<String> tokens = form(shortLived.baseUrl() + "/v1/access_token", Map.of("grant_type", "authorization_code",
					"client_id", "c1", "client_secret", "s1", "code", query(consent).get("code"), "redirect_uri", REDIRECT));
			time.advance(Duration.ofDays(90));

			HttpResponse<String> answer = form(shortLived.baseUrl() + "/v1/access_token", Map.of("grant_type", "refresh_token",
					"client_id", "c1", "client_secret", "s1", "refresh_token",
					SandboxClient.JSON.readTree(tokens.body()).get("refresh_token").asString()));

			assertThat(answer.statusCode()).isEqualTo(400);
			assertThat(SandboxClient.JSON.readTree(answer.body()).get("error").asString()).isEqualTo("invalid_grant");
		}
	}

	private static String authorizeUrl(String scope, String state) {
		return "/v1/authorize?client_id=" + clientId + "&response_type=code&redirect_uri=" + enc(REDIRECT) + "&scope=" + enc(scope)
				+ "&state=" + enc(state);
	}

	private static HttpResponse<String> consent(String email, String decision, String state) throws Exception {
		return form(sandbox.baseUrl() + "/v1/authorize", Map.of("client_id", clientId, "redirect_uri", REDIRECT,
				"scope", "spark:people_read spark:calls_read", "state", state, "email", email, "decision", decision));
	}

	private static String code(String email) throws Exception {
		HttpResponse<String> answer = consent(email, "accept", "st");
		assertThat(answer.statusCode()).isEqualTo(302);
		return query(answer).get("code");
	}

	private static JsonNode exchange(String code) throws Exception {
		HttpResponse<String> answer = token(Map.of("grant_type", "authorization_code", "client_id", clientId, "client_secret", clientSecret,
				"code", code, "redirect_uri", REDIRECT));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return SandboxClient.JSON.readTree(answer.body());
	}

	private static HttpResponse<String> token(Map<String, String> fields) throws Exception {
		return form(sandbox.baseUrl() + "/v1/access_token", fields);
	}

	private static HttpResponse<String> form(String url, Map<String, String> fields) throws Exception {
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(enc(k)).append('=').append(enc(v)).append('&'));
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, String> query(HttpResponse<String> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow();
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : URI.create(location).getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
