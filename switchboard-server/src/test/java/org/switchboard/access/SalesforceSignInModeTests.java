package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import dev.switchboard.salesforce.sandbox.SalesforceSandbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import org.switchboard.support.EmbeddedDefault;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.SalesforceLogin;

import tools.jackson.databind.json.JsonMapper;

/**
 * Salesforce mode end to end over real HTTP: users sign in with their Salesforce login on the double's login page,
 * their Webex permission sets come from the org's assignments and follow a change there after the refresh interval;
 * a foreign state signs nobody in; a user without a Webex permission set is told so; HTTP Basic answers 503 while
 * the org is down.
 */
// A context of its own (Salesforce mode) with a Webex sandbox port of its own: cached contexts stay up side by side.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.embedded.notifications=false")
class SalesforceSignInModeTests {

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@LocalServerPort
	int port;

	private ApiClient api() {
		return new ApiClient(port);
	}

	private static JsonNode sandbox(String path, String json) {
		return EmbeddedServerTest.sandboxAt(SANDBOX_PORT, path, json);
	}


	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void salesforce(DynamicPropertyRegistry registry) {
		EmbeddedDefault.registerOnSalesforceDouble(registry, SANDBOX_PORT);
		registry.add("switchboard.salesforce.retry-backoff", () -> "10ms");
		registry.add("switchboard.access.permission-refresh", () -> "2s");
	}

	@Autowired
	RunningSalesforce org;

	/** A browser: its own cookies, no redirects followed. */
	private static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private HttpResponse<String> get(HttpClient browser, String pathOrUrl) {
		return get(browser, pathOrUrl, "text/html");
	}

	private HttpResponse<String> get(HttpClient browser, String pathOrUrl, String accept) {
		try {
			URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create("http://localhost:" + port + pathOrUrl);
			return browser.send(HttpRequest.newBuilder(uri).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpClient signedIn(String username) {
		HttpClient browser = browser();
		HttpResponse<String> started = get(browser, "/login/salesforce");
		assertThat(started.statusCode()).isEqualTo(302);
		String authorize = started.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).startsWith(org.baseUrl() + "/services/oauth2/authorize").contains("scope=openid");
		HttpResponse<String> back = get(browser, SalesforceLogin.callback(authorize, username, SalesforceSandbox.USER_PASSWORD));
		assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
		return browser;
	}

	private int status(HttpClient browser, String path) {
		return get(browser, path, "application/json").statusCode();
	}

	@Test
	void theSignInPageOffersSalesforceAndTheAdminSignsInWithTheirSalesforceLogin() {
		assertThat(get(browser(), "/login").body()).contains("Sign in with Salesforce").contains("Or with a Switchboard password");
		HttpClient admin = signedIn(ApiClient.ADMIN);
		String home = get(admin, "/").body();
		assertThat(home).contains("Ada Admin").doesNotContain("no-webex-access");
		assertThat(status(admin, "/api/admin/crm")).isEqualTo(200);
	}

	@Test
	void anAssignmentRemovedInTheOrgIsGoneAfterTheRefreshInterval() {
		HttpClient admin = signedIn(ApiClient.ADMIN);
		assertThat(status(admin, "/api/admin/crm")).isEqualTo(200);
		Map<String, Object> assignment = adminAssignment();
		var type = org.store().schema().require("PermissionSetAssignment");
		org.store().transaction(null, w -> {
			w.delete(type, (String) assignment.get("Id"));
			return null;
		});
		try {
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
				.until(() -> status(admin, "/api/admin/crm") == 403);
			assertThat(get(admin, "/").body()).contains("Ada Admin");
		}
		finally {
			org.store().transaction(null, w -> w.create(type, JSON.createObjectNode().put("AssigneeId", (String) assignment.get("AssigneeId"))
				.put("PermissionSetId", (String) assignment.get("PermissionSetId"))));
		}
	}

	private Map<String, Object> adminAssignment() {
		String adminId = org.store().all("User").stream().filter(u -> ApiClient.ADMIN.equals(u.get("Username"))).findFirst().orElseThrow()
			.get("Id").toString();
		String setId = org.store().all("PermissionSet").stream().filter(p -> "Webex_Admin".equals(p.get("Name"))).findFirst().orElseThrow()
			.get("Id").toString();
		return org.store().all("PermissionSetAssignment").stream()
			.filter(a -> adminId.equals(a.get("AssigneeId")) && setId.equals(a.get("PermissionSetId"))).findFirst().orElseThrow();
	}

	@Test
	void aUserWithoutAnyWebexPermissionSetIsSignedInAndToldWhyNothingShows() {
		HttpClient viewer = signedIn(ApiClient.VIEWER);
		String home = get(viewer, "/").body();
		assertThat(home).contains("Val Viewer").contains("no-webex-access").contains("You have no Webex permission set");
		assertThat(status(viewer, "/api/admin/crm")).isEqualTo(403);
		assertThat(home).doesNotContain("href=\"/calling");
	}

	@Test
	void anAnswerWithAForeignStateSignsNobodyIn() {
		HttpClient victim = browser();
		assertThat(get(victim, "/login/salesforce").statusCode()).isEqualTo(302);
		HttpClient attacker = browser();
		String attackersCallback = SalesforceLogin.callback(get(attacker, "/login/salesforce").headers().firstValue("Location").orElseThrow(),
				ApiClient.ADMIN, SalesforceSandbox.USER_PASSWORD);
		HttpResponse<String> refused = get(victim, attackersCallback);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("does not belong to a sign-in started in this browser").contains("Nobody was signed in");
		assertThat(get(victim, "/").statusCode()).isEqualTo(302);
		assertThat(get(browser(), "/login/salesforce/callback?code=x&state=y").body()).contains("unknown state");
	}

	@Test
	void aDeniedLoginSignsNobodyIn() {
		HttpClient browser = browser();
		get(browser, "/login/salesforce");
		HttpResponse<String> denied = get(browser, "/login/salesforce/callback?error=access_denied&state=whatever");
		assertThat(denied.statusCode()).isEqualTo(400);
		assertThat(get(browser, "/").statusCode()).isEqualTo(302);
	}

	@Test
	void httpBasicAnswers503WhileTheOrgIsDown() {
		org.injectFaults(503, "SERVER_UNAVAILABLE", 1_000);
		try {
			ApiClient.Response answer = api().get(ApiClient.AGENT, "/api/admin/crm");
			assertThat(answer.status()).as(answer.body()).isEqualTo(503);
			assertThat(answer.body()).contains("temporarily unavailable");
		}
		finally {
			org.clearFaults();
		}
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/crm").status()).isEqualTo(200);
	}
}
