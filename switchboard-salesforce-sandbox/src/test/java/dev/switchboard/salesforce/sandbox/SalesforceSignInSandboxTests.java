package dev.switchboard.salesforce.sandbox;

import static dev.switchboard.salesforce.sandbox.SalesforceSandboxTests.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in with OpenID Connect: the login page, the ID token (checked against the JWKS), userinfo of the signed-in user. */
class SalesforceSignInSandboxTests {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	static final String REDIRECT = "http://localhost:1/login/salesforce/callback";
	static RunningSalesforce org;
	static String userId;

	@BeforeAll
	static void start() {
		try {
			org = SalesforceSandbox.start(SalesforceSandbox.Options.defaults());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		userId = org.store().transaction(null, w -> {
			String profile = w.create(org.store().schema().require("Profile"), JSON.createObjectNode().put("Name", "Standard User"));
			return w.create(org.store().schema().require("User"), JSON.createObjectNode().put("Username", "agent@switchboard.test")
				.put("Email", "agent@switchboard.test").put("FirstName", "Alex").put("LastName", "Agent").put("ProfileId", profile));
		});
	}

	@AfterAll
	static void stop() {
		org.close();
	}

	static HttpResponse<String> logIn(String username, String password, String nonce) throws Exception {
		String form = "response_type=code&client_id=" + enc(org.clientId()) + "&redirect_uri=" + enc(REDIRECT) + "&scope=openid&state=s9&nonce="
				+ enc(nonce) + "&code_challenge=&decision=allow&username=" + enc(username) + "&pw=" + enc(password);
		return HTTP.send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/authorize"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode exchange(HttpResponse<String> loggedIn) throws Exception {
		String code = java.net.URLDecoder.decode(loggedIn.headers().firstValue("Location").orElseThrow().replaceAll(".*code=([^&]+).*", "$1"),
				StandardCharsets.UTF_8);
		return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(org.baseUrl()
				+ "/services/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + enc(code) + "&client_id=" + enc(org.clientId())
					+ "&client_secret=" + enc(org.clientSecret()) + "&redirect_uri=" + enc(REDIRECT))).build(),
				HttpResponse.BodyHandlers.ofString()).body());
	}

	@Test
	void theLoginPageAsksForUsernameAndPasswordAndRefusesAWrongOne() throws Exception {
		HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/authorize?response_type=code&client_id="
				+ enc(org.clientId()) + "&redirect_uri=" + enc(REDIRECT) + "&scope=openid&state=s9")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("name=\"username\"").contains("name=\"pw\"").doesNotContain("oaapprove");
		HttpResponse<String> wrong = logIn("agent@switchboard.test", "not-the-password", "n1");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("Please check your username and password");
		assertThat(logIn("nobody@switchboard.test", SalesforceSandbox.USER_PASSWORD, "n1").body()).contains("Please check your username");
	}

	@Test
	void anIdTokenNamesTheSignedInUserAndVerifiesAgainstTheJwks() throws Exception {
		HttpResponse<String> loggedIn = logIn("agent@switchboard.test", SalesforceSandbox.USER_PASSWORD, "nonce-42");
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		JsonNode tokens = exchange(loggedIn);
		String[] parts = tokens.path("id_token").asString().split("\\.");
		assertThat(parts).hasSize(3);
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		assertThat(claims.path("iss").asString()).isEqualTo(org.baseUrl());
		assertThat(claims.path("aud").asString()).isEqualTo(org.clientId());
		assertThat(claims.path("sub").asString()).isEqualTo(tokens.path("id").asString()).endsWith("/" + userId);
		assertThat(claims.path("nonce").asString()).isEqualTo("nonce-42");
		assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());

		JsonNode key = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/id/keys")).build(),
				HttpResponse.BodyHandlers.ofString()).body()).path("keys").get(0);
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
				new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asString())),
				new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asString())))));
		rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

		JsonNode userinfo = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/userinfo"))
			.header("Authorization", "Bearer " + tokens.path("access_token").asString()).build(), HttpResponse.BodyHandlers.ofString()).body());
		assertThat(userinfo.path("preferred_username").asString()).isEqualTo("agent@switchboard.test");
		assertThat(userinfo.path("user_id").asString()).isEqualTo(userId);
	}

	@Test
	void anAudienceFaultIssuesTokensForAnotherApp() throws Exception {
		org.issueIdTokensFor("3MVG9another.app");
		try {
			JsonNode tokens = exchange(logIn("agent@switchboard.test", SalesforceSandbox.USER_PASSWORD, "n2"));
			JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(tokens.path("id_token").asString().split("\\.")[1]));
			assertThat(claims.path("aud").asString()).isEqualTo("3MVG9another.app");
		}
		finally {
			org.issueIdTokensFor(null);
		}
	}
}
