package org.switchboard.webex.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.webex.WebexAccounts;

import tools.jackson.databind.JsonNode;

/**
 * Each user's own Webex sign-in, against the sandbox's OAuth pages over HTTP: state bound to the session, refused
 * consent, refresh on a mid-request expiry, a revoked sign-in ending as "signed out", and what must never be stored
 * or shown. The tests enter an integration of their own (known secret) before each test.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebexSignInTests extends EmbeddedServerTest {

	private static final String CLIENT_ID = "C-sign-in-tests";
	private static final String SECRET = "sign-in-tests-secret-" + Long.toHexString(System.nanoTime());

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebexAccounts accounts;

	@BeforeEach
	void integrationWithAKnownSecret() {
		sandbox("/sandbox/integrations", """
				{"name":"Sign-in tests","clientId":"%s","clientSecret":"%s","redirectUris":["http://localhost:%d/webex/oauth/callback"],
				 "scopes":["spark:kms","spark:people_read","spark:calls_read","spark:calls_write","spark:rooms_read","spark:rooms_write",
				 "spark:memberships_read","spark:memberships_write","spark:messages_read","spark:messages_write",
				 "meeting:schedules_read","meeting:schedules_write","meeting:participants_read"]}""".formatted(CLIENT_ID, SECRET, port));
		putIntegration(SECRET);
	}

	@Test
	void signingInStoresTheConnectionWithTheLeastScopesAndSetsUpWebhooks(CapturedOutput output) {
		SignInClient viewer = new SignInClient(port, ApiClient.VIEWER);
		URI authorize = viewer.start();
		assertThat(SignInClient.query(authorize)).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code")
			.containsEntry("redirect_uri", "http://localhost:" + port + "/webex/oauth/callback");
		assertThat(SignInClient.query(authorize).get("scope").split(" ")).containsExactlyInAnyOrder("spark:kms", "spark:people_read",
				"spark:calls_read", "spark:calls_write", "spark:rooms_read", "spark:rooms_write", "spark:memberships_read",
				"spark:memberships_write", "spark:messages_read", "spark:messages_write", "meeting:schedules_read",
				"meeting:schedules_write", "meeting:participants_read");
		URI callback = viewer.consent(authorize, "viewer@switchboard.test", "accept");

		HttpResponse<String> done = viewer.callback(callback);

		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/");
		JsonNode connection = api().get(ApiClient.VIEWER, "/api/webex/connection").json();
		assertThat(connection.get("connected").asBoolean()).isTrue();
		assertThat(connection.get("email").asString()).isEqualTo("viewer@switchboard.test");
		assertThat(connection.get("isWebexAdmin").asBoolean()).isFalse();
		assertThat(connection.get("expiresAt").asString()).isNotBlank();
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/integration").json().get("webhooks"))
			.filteredOn(w -> connection.get("personId").asString().equals(w.get("ownerPersonId").asString()))
			.as("calls, messages and meetings").hasSize(3);
		String code = SignInClient.query(callback).get("code");
		assertThat(output.getAll()).doesNotContain(code).doesNotContain(SECRET);
		assertThat(done.body()).doesNotContain(code);
	}

	@Test
	void anOrgAdminIsShownAsOne() {
		assertThat(new SignInClient(port, ApiClient.ADMIN).signIn("admin@switchboard.test").statusCode()).isEqualTo(302);

		assertThat(api().get(ApiClient.ADMIN, "/api/webex/connection").json().get("isWebexAdmin").asBoolean()).isTrue();
	}

	@Test
	void aCallbackWithAForeignStateIsRefusedAndStoresNothing() {
		String before = storedTokenHash(ApiClient.VIEWER);
		SignInClient attacker = new SignInClient(port, ApiClient.AGENT);
		URI attackersCallback = attacker.consent(attacker.start(), "agent@switchboard.test", "accept");

		SignInClient viewer = new SignInClient(port, ApiClient.VIEWER);
		viewer.start();
		HttpResponse<String> foreign = viewer.callback(attackersCallback);
		HttpResponse<String> forged = viewer.callback(SignInClient.withQuery(attackersCallback, "state", "made-up"));

		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(foreign.body()).contains("state does not match").contains("nothing was stored");
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(storedTokenHash(ApiClient.VIEWER)).isEqualTo(before);
		assertThat(api().get(ApiClient.VIEWER, "/api/webex/connection").json().get("email").asString())
			.as("still the viewer's own Webex account, not the agent's").isEqualTo("viewer@switchboard.test");
	}

	@Test
	void refusingConsentChangesNothingAndSaysSo() {
		String before = storedTokenHash(ApiClient.VIEWER);
		SignInClient viewer = new SignInClient(port, ApiClient.VIEWER);

		HttpResponse<String> declined = viewer.callback(viewer.consent(viewer.start(), "viewer@switchboard.test", "decline"));

		assertThat(declined.statusCode()).isEqualTo(302);
		assertThat(viewer.home().body()).contains("You declined the Webex sign-in; nothing changed.");
		assertThat(storedTokenHash(ApiClient.VIEWER)).isEqualTo(before);
	}

	@Test
	void anIntegrationSecretWebexRefusesIsNamedAndNothingIsStored(CapturedOutput output) {
		String before = storedTokenHash(ApiClient.VIEWER);
		putIntegration("not-the-secret");
		SignInClient viewer = new SignInClient(port, ApiClient.VIEWER);

		HttpResponse<String> refused = viewer.signIn("viewer@switchboard.test");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Webex refused the integration&#39;s client id or secret").contains("Nothing was stored");
		assertThat(storedTokenHash(ApiClient.VIEWER)).isEqualTo(before);
		assertThat(output.getAll()).doesNotContain("not-the-secret");
		JsonNode settings = api().get(ApiClient.ADMIN, "/api/admin/settings/webexIntegration").json();
		assertThat(settings.get("clientSecretSet").asBoolean()).isTrue();
		assertThat(settings.has("clientSecret")).isFalse();
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/settings").body()).doesNotContain("not-the-secret").doesNotContain(SECRET);
	}

	@Test
	void aTokenThatExpiresMidRequestIsRefreshedOnceForConcurrentRequests() throws Exception {
		new SignInClient(port, ApiClient.AGENT).signIn("agent@switchboard.test");
		String before = storedTokenHash(ApiClient.AGENT);
		sandbox("/sandbox/oauth/expire", "{\"email\":\"agent@switchboard.test\"}");

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Callable<Integer> listRooms = () -> api().get(ApiClient.AGENT, "/api/messaging/rooms").status();
			List<Future<Integer>> answers = pool.invokeAll(List.of(listRooms, listRooms, listRooms, listRooms));
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).as("Webex's 401 answered by one refresh, then the request again").isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(storedTokenHash(ApiClient.AGENT)).isNotEqualTo(before);
		assertThat(api().get(ApiClient.AGENT, "/api/webex/connection").json().get("connected").asBoolean()).isTrue();
	}

	@Test
	void aRevokedSignInEndsAsSignedOutWithASignInButtonAndSigningInAgainRestoresIt() {
		SignInClient viewer = new SignInClient(port, ApiClient.VIEWER);
		viewer.signIn("viewer@switchboard.test");
		sandbox("/sandbox/oauth/expire", "{\"email\":\"viewer@switchboard.test\"}");
		sandbox("/sandbox/oauth/revoke", "{\"email\":\"viewer@switchboard.test\"}");

		assertThat(accounts.verify(userId(ApiClient.VIEWER))).isFalse();

		JsonNode connection = api().get(ApiClient.VIEWER, "/api/webex/connection").json();
		assertThat(connection.get("connected").asBoolean()).isFalse();
		assertThat(connection.get("signedOutReason").asString()).isEqualTo("Your Webex sign-in expired or was revoked");
		String home = viewer.home().body();
		assertThat(home).contains("Signed out of Webex").contains("data-testid=\"webex-sign-in\"");

		assertThat(viewer.signIn("viewer@switchboard.test").statusCode()).isEqualTo(302);
		assertThat(api().get(ApiClient.VIEWER, "/api/webex/connection").json().get("connected").asBoolean()).isTrue();
	}

	@Test
	void signingOutForgetsTheTokensAndDeletesTheUsersWebhooksAtWebex() {
		SignInClient viewer = new SignInClient(port, ApiClient.VIEWER);
		viewer.signIn("viewer@switchboard.test");
		String personId = api().get(ApiClient.VIEWER, "/api/webex/connection").json().get("personId").asString();

		assertThat(api().send(ApiClient.VIEWER, "DELETE", "/api/webex/connection", null).status()).isEqualTo(204);

		assertThat(api().get(ApiClient.VIEWER, "/api/webex/connection").json().get("connected").asBoolean()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM webex_webhook WHERE owner_person_id = ?").param(personId).query(Long.class).single()).isZero();
		assertThat(viewer.signIn("viewer@switchboard.test").statusCode()).isEqualTo(302);
	}

	@Test
	void aBotsTokenIsRefusedWhereAPersonsIsNeededAndNothingIsStored() {
		ApiClient.Response refused = api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/register", "{\"accessToken\":\"c2FuZGJveC10b2tlbi1ib3Q_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("bot").contains("person");
		assertThat(refused.body()).doesNotContain("c2FuZGJveC10b2tlbi1ib3Q_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee");
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/integration").json().get("registration").get("email").asString())
			.isEqualTo("admin@switchboard.test");
	}

	private void putIntegration(String secret) {
		ApiClient.Response saved = api().send(ApiClient.ADMIN, "PUT", "/api/admin/settings/webexIntegration",
				"{\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\"" + secret + "\"}");
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).doesNotContain(secret);
	}

	private String storedTokenHash(String email) {
		return jdbc.sql("SELECT access_token_sha256 FROM webex_account WHERE email = ?").param(email).query(String.class).optional().orElse(null);
	}

	private String userId(String email) {
		return jdbc.sql("SELECT user_id FROM webex_account WHERE email = ?").param(email).query(String.class).single();
	}
}
