package org.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import dev.switchboard.salesforce.sandbox.SalesforceSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmSignIn;
import org.switchboard.support.SalesforceLogin;

import tools.jackson.databind.json.JsonMapper;

/**
 * OpenID Connect sign-in against the Salesforce double, below the web layer: the code exchange with the connected
 * app's credentials and every check of the ID token, each refusal with a message that names its cause.
 */
class SalesforceSignInTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String AGENT = "agent@switchboard.test";
	private static final String REDIRECT = "http://localhost:1/login/salesforce/callback";
	private static RunningSalesforce org;
	private static String agentId;
	private static OAuthClient oauth;

	@BeforeAll
	static void start() throws Exception {
		org = SalesforceSandbox.start(SalesforceSandbox.Options.defaults());
		agentId = org.store().transaction(null, w -> {
			String profile = w.create(org.store().schema().require("Profile"), JSON.createObjectNode().put("Name", "Standard User"));
			return w.create(org.store().schema().require("User"), JSON.createObjectNode().put("Username", AGENT).put("Email", AGENT)
				.put("FirstName", "Alex").put("LastName", "Agent").put("ProfileId", profile));
		});
		oauth = new OAuthClient(HttpClient.newHttpClient(), JSON);
	}

	@AfterAll
	static void stop() {
		org.close();
	}

	private static SalesforceSignIn signIn(String secret, String orgId, Clock clock) {
		OrgLink link = new OrgLink(org.baseUrl(), org.clientId(), secret, "unused-refresh-token", org.baseUrl(), orgId,
				org.integrationUserId(), "integration@switchboard-sandbox.example");
		SalesforceConnection connection = new SalesforceConnection(oauth, new MemoryLinkStore(link));
		return new SalesforceSignIn(oauth, new IdTokenVerifier(oauth, JSON, clock), connection);
	}

	private static String signInAs(SalesforceSignIn signIn, String username) {
		CrmSignIn.Pending pending = signIn.start(REDIRECT);
		assertThat(pending.authorizeUrl()).contains("scope=openid").contains("nonce=").contains("code_challenge=");
		return signIn.complete(pending, SalesforceLogin.code(SalesforceLogin.callback(pending.authorizeUrl(), username,
				SalesforceSandbox.USER_PASSWORD)));
	}

	@Test
	void aUserOfTheConnectedOrgSignsInWithTheirSalesforceLogin() {
		assertThat(signInAs(signIn(org.clientSecret(), org.orgId(), Clock.systemUTC()), AGENT)).isEqualTo(agentId);
	}

	@Test
	void aWrongClientSecretIsRefusedNamingTheSecret() {
		assertThatThrownBy(() -> signInAs(signIn("not-the-secret", org.orgId(), Clock.systemUTC()), AGENT))
			.isInstanceOf(CrmException.class).hasMessageContaining("client secret").hasMessageContaining("invalid_client");
	}

	@Test
	void anIdTokenForAnotherAudienceIsRefused() {
		org.issueIdTokensFor("3MVG9another.app");
		try {
			assertThatThrownBy(() -> signInAs(signIn(org.clientSecret(), org.orgId(), Clock.systemUTC()), AGENT))
				.isInstanceOf(CrmException.class).hasMessageContaining("issued for another app").hasMessageContaining("id_token_audience");
		}
		finally {
			org.issueIdTokensFor(null);
		}
	}

	@Test
	void anExpiredIdTokenIsRefused() {
		Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
		assertThatThrownBy(() -> signInAs(signIn(org.clientSecret(), org.orgId(), later), AGENT))
			.isInstanceOf(CrmException.class).hasMessageContaining("id_token_expired");
	}

	@Test
	void aUserOfAnotherOrgIsRefused() {
		assertThatThrownBy(() -> signInAs(signIn(org.clientSecret(), "00D000000000001AAA", Clock.systemUTC()), AGENT))
			.isInstanceOf(CrmException.class).hasMessageContaining("another Salesforce org");
	}

	@Test
	void aTamperedIdTokenFailsItsSignature() {
		IdTokenVerifier verifier = new IdTokenVerifier(oauth, JSON, Clock.systemUTC());
		SalesforceSignIn signIn = signIn(org.clientSecret(), org.orgId(), Clock.systemUTC());
		CrmSignIn.Pending pending = signIn.start(REDIRECT);
		String code = SalesforceLogin.code(SalesforceLogin.callback(pending.authorizeUrl(), AGENT, SalesforceSandbox.USER_PASSWORD));
		String idToken = oauth.exchange(org.baseUrl(), org.clientId(), org.clientSecret(), code, REDIRECT, pending.verifier()).idToken();
		String[] parts = idToken.split("\\.");
		String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
				new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace(agentId, org.integrationUserId()).getBytes()) + "." + parts[2];
		assertThatThrownBy(() -> verifier.verify(forged, org.baseUrl(), org.clientId(), pending.nonce()))
			.isInstanceOf(OAuthClient.OAuthRefused.class).hasMessageContaining("id_token_signature");
		assertThat(verifier.verify(idToken, org.baseUrl(), org.clientId(), pending.nonce()).path("sub").asString()).endsWith(agentId);
		assertThatThrownBy(() -> verifier.verify(idToken, org.baseUrl(), org.clientId(), "another-nonce"))
			.isInstanceOf(OAuthClient.OAuthRefused.class).hasMessageContaining("id_token_nonce");
	}

	/** The connection as stored, in memory. */
	private record MemoryLinkStore(OrgLink link) implements LinkStore {

		@Override
		public Optional<OrgLink> load() {
			return Optional.of(link);
		}

		@Override
		public Optional<String> problem() {
			return Optional.empty();
		}

		@Override
		public void save(OrgLink saved) {
		}

		@Override
		public void markDisconnected(String reason) {
		}

		@Override
		public void delete() {
		}
	}
}
