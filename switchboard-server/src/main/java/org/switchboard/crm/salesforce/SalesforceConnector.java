package org.switchboard.crm.salesforce;

import java.security.SecureRandom;
import java.util.Base64;

import org.switchboard.crm.CrmConnections.Connect;
import org.switchboard.crm.CrmException;
import org.switchboard.platform.errors.Refusal;

import tools.jackson.databind.JsonNode;

/**
 * Connects an org: starts the web-server flow (PKCE verifier and {@code state}, kept by the caller in the admin's
 * session only) and completes it from the callback's code: exchange, who the user is, a proof of API access, and
 * only then the connection is stored. Any refusal on the way stores nothing and says what went wrong.
 */
class SalesforceConnector {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final OAuthClient oauth;
	private final SalesforceConnection connection;

	SalesforceConnector(OAuthClient oauth, SalesforceConnection connection) {
		this.oauth = oauth;
		this.connection = connection;
	}

	static Connect start(String loginUrl, String clientId, String clientSecret, String redirectUri) {
		String login = OAuthClient.trim(loginUrl);
		String state = random(24);
		String verifier = random(48);
		return new Connect(login, clientId, clientSecret, redirectUri, state, verifier,
				OAuthClient.authorizeUrl(login, clientId, redirectUri, state, verifier));
	}

	/** Completes the flow; a refusal is a 400 naming the cause (wrong secret, no API access…) and nothing is stored. */
	OrgLink complete(Connect pending, String code) {
		try {
			TokenResponse tokens = oauth.exchange(pending.loginUrl(), pending.clientId(), pending.clientSecret(), code, pending.redirectUri(),
					pending.verifier());
			if (tokens.refreshToken() == null) {
				throw refused("Salesforce gave no refresh token: add the refresh_token, offline_access scope to the app's OAuth scopes");
			}
			JsonNode user = oauth.userinfo(tokens.instanceUrl(), tokens.accessToken());
			oauth.limits(tokens.instanceUrl(), tokens.accessToken());
			OrgLink link = new OrgLink(pending.loginUrl(), pending.clientId(), pending.clientSecret(), tokens.refreshToken(),
					tokens.instanceUrl(), tokens.orgId(), tokens.userId(), user.path("preferred_username").asString(tokens.userId()));
			connection.connect(link, tokens.accessToken());
			return link;
		}
		catch (OAuthClient.OAuthRefused e) {
			throw refused(explain(e.error()));
		}
	}

	static String explain(String error) {
		return switch (error) {
			case "invalid_client" -> "Salesforce refused the client secret (invalid_client): copy the consumer secret of the app again";
			case "invalid_client_id" -> "Salesforce does not know this client id (invalid_client_id): check the consumer key and the login host";
			case "invalid_grant" -> "Salesforce refused the authorization code (invalid_grant): it expired or was used already; connect again";
			case "invalid_request" -> "Salesforce refused the PKCE verifier (invalid_request); connect again";
			case "redirect_uri_mismatch" -> "The app's callback URL must be this server's /crm/oauth/callback (redirect_uri_mismatch)";
			case "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED" -> "This org or user has no API access (" + error
					+ "): Salesforce's API needs Enterprise Edition or above and the API Enabled permission";
			default -> "Salesforce refused the connection (" + error + ")";
		};
	}

	private static CrmException refused(String detail) {
		return CrmException.refused(Refusal.INVALID, "Salesforce connection refused", detail);
	}

	/** {@code bytes} random bytes, base64url: states, PKCE verifiers and nonces. */
	static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}
}
