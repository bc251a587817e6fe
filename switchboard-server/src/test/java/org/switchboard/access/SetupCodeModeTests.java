package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.EmbeddedDefault;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.switchboard.crm.CrmConnections;
import org.switchboard.support.SalesforceLogin;

/**
 * A fresh install on a Salesforce org that is not connected yet (the double, its automatic connection switched off,
 * the Webex sandbox on, so the start itself is under test): the sign-in page offers only the setup code; a wrong code
 * is refused and throttled; the code's session reaches the CRM connection and nothing else (no HTTP Basic either);
 * it connects the org through the double's consent page, and then the code no longer works and the page offers
 * Salesforce sign-in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// A context of its own (an unconnected org) with a Webex sandbox port of its own: cached contexts stay up side by side.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.embedded.notifications=false")
@DirtiesContext
class SetupCodeModeTests {

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@LocalServerPort
	int port;

	private static final String CODE = "test-setup-code-0123456789";
	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@DynamicPropertySource
	static void unconnectedSalesforce(DynamicPropertyRegistry registry) {
		EmbeddedDefault.register(registry, SANDBOX_PORT);
		registry.add("switchboard.crm", () -> "salesforce");
		registry.add("switchboard.salesforce.sandbox.enabled", () -> "true");
		registry.add("switchboard.salesforce.sandbox.connect", () -> "false");
		registry.add("switchboard.salesforce.sandbox.port", () -> "0");
		registry.add("switchboard.salesforce.sandbox.pubsub-port", () -> "0");
		registry.add("switchboard.demo.enabled", () -> "false");
		registry.add("switchboard.setup.code", () -> CODE);
	}

	@Autowired
	RunningSalesforce org;

	@Autowired
	CrmConnections connections;

	@Test
	@Order(1)
	void aWrongCodeIsRefusedAndThrottledPerAddress() {
		HttpClient browser = browser();
		for (int attempt = 1; attempt <= 5; attempt++) {
			HttpResponse<String> refused = signIn(browser, "not-the-code-at-all", "203.0.113.7");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("That is not this server&#39;s setup code");
		}
		assertThat(signIn(browser, "not-the-code-at-all", "203.0.113.7").statusCode()).isEqualTo(400);
		HttpResponse<String> throttled = signIn(browser, CODE, "203.0.113.7");
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.body()).contains("Too many attempts, try again in");
		assertThat(get(browser, "/api/admin/crm", "application/json").statusCode()).isEqualTo(401);
	}

	@Test
	@Order(2)
	void theSetupCodeConnectsTheOrgAndNothingElseThenStopsWorking() throws Exception {
		String page = get(browser(), "/login", "text/html").body();
		assertThat(page).contains("No Salesforce org is connected yet — sign in with the setup code to connect one")
			.doesNotContain("Sign in with Salesforce").doesNotContain("name=\"password\"");
		assertThat(basic(CODE)).as("the code is no password").isEqualTo(401);

		HttpClient setup = browser();
		HttpResponse<String> signedIn = signIn(setup, CODE, "198.51.100.1");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/setup");
		HttpResponse<String> setupPage = get(setup, "/setup", "text/html");
		assertThat(setupPage.statusCode()).isEqualTo(200);
		assertThat(setupPage.body()).contains("data-crm-connect-form").contains("not connected");
		assertThat(get(setup, "/", "text/html").headers().firstValue("Location").orElseThrow()).endsWith("/setup");
		assertThat(get(setup, "/admin", "text/html").headers().firstValue("Location").orElseThrow()).endsWith("/setup");
		assertThat(get(setup, "/api/admin/settings", "application/json").statusCode()).isEqualTo(403);
		assertThat(get(setup, "/api/records/Contact", "application/json").statusCode()).isEqualTo(403);

		String token = find(META_TOKEN, setupPage.body());
		HttpResponse<String> started = send(setup, HttpRequest.newBuilder(uri("/api/admin/crm/salesforce"))
			.header("Content-Type", "application/json").header("Accept", "application/json").header("X-XSRF-TOKEN", token)
			.PUT(HttpRequest.BodyPublishers.ofString("{\"loginUrl\":\"" + org.baseUrl() + "\",\"clientId\":\"" + org.clientId()
					+ "\",\"clientSecret\":\"" + org.clientSecret() + "\"}")));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String authorize = started.body().replaceAll(".*\"authorizeUrl\":\"([^\"]+)\".*", "$1");
		String callback = SalesforceLogin.callback(authorize, "unused", "unused");
		HttpResponse<String> connected = get(setup, callback, "text/html");
		assertThat(connected.statusCode()).as(connected.body()).isEqualTo(302);
		assertThat(connections.awaitingOrg()).isFalse();

		HttpResponse<String> after = get(setup, "/setup", "text/html");
		assertThat(after.headers().firstValue("Location").orElseThrow()).as("the setup session ends").contains("/login?connected");
		assertThat(get(setup, "/api/admin/crm", "application/json").statusCode()).isEqualTo(401);
		HttpResponse<String> reused = signIn(browser(), CODE, "198.51.100.2");
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(reused.body()).contains("The setup code no longer works: a Salesforce org is connected");
		String login = get(browser(), "/login?connected", "text/html").body();
		assertThat(login).contains("Sign in with Salesforce").contains("The Salesforce org is connected").doesNotContain("setup code");
		assertThat(get(browser(), "/login/salesforce", "text/html").headers().firstValue("Location").orElseThrow())
			.startsWith(org.baseUrl() + "/services/oauth2/authorize");
	}

	private HttpResponse<String> signIn(HttpClient browser, String code, String address) {
		String token = find(FORM_TOKEN, get(browser, "/login", "text/html").body());
		String form = "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		return send(browser, HttpRequest.newBuilder(uri("/login/setup")).header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private int basic(String password) {
		String credentials = java.util.Base64.getEncoder().encodeToString(("setup:" + password).getBytes(StandardCharsets.UTF_8));
		return send(browser(), HttpRequest.newBuilder(uri("/api/admin/crm")).header("Authorization", "Basic " + credentials)).statusCode();
	}

	private HttpResponse<String> get(HttpClient browser, String pathOrUrl, String accept) {
		URI target = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : uri(pathOrUrl);
		return send(browser, HttpRequest.newBuilder(target).header("Accept", accept));
	}

	private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) {
		try {
			return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private static String find(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		assertThat(matcher.find()).as("token on the page").isTrue();
		return matcher.group(1);
	}
}
