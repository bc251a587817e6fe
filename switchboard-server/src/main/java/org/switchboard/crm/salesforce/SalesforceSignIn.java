package org.switchboard.crm.salesforce;

import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmSignIn;
import org.switchboard.platform.errors.Refusal;

import tools.jackson.databind.JsonNode;

/**
 * A user's sign-in with their Salesforce login through the app the admin connected: OpenID Connect's web-server flow
 * (scope {@code openid}, PKCE, {@code state}, {@code nonce}), the code exchanged with the stored client secret, the
 * ID token verified ({@link IdTokenVerifier}) and its user required to belong to the connected org. The user's
 * access token is used for nothing and kept nowhere.
 */
class SalesforceSignIn implements CrmSignIn {

	private final OAuthClient oauth;
	private final IdTokenVerifier verifier;
	private final SalesforceConnection connection;

	SalesforceSignIn(OAuthClient oauth, IdTokenVerifier verifier, SalesforceConnection connection) {
		this.oauth = oauth;
		this.verifier = verifier;
		this.connection = connection;
	}

	@Override
	public Pending start(String redirectUri) {
		OrgLink link = link();
		String state = SalesforceConnector.random(24);
		String codeVerifier = SalesforceConnector.random(48);
		String nonce = SalesforceConnector.random(24);
		return new Pending(state, codeVerifier, nonce, redirectUri,
				OAuthClient.signInUrl(link.loginUrl(), link.clientId(), redirectUri, state, codeVerifier, nonce));
	}

	@Override
	public String complete(Pending pending, String code) {
		OrgLink link = link();
		try {
			TokenResponse tokens = oauth.exchange(link.loginUrl(), link.clientId(), link.clientSecret(), code, pending.redirectUri(),
					pending.verifier());
			if (tokens.idToken() == null) {
				throw refused("Salesforce sent no ID token: add the openid scope to the app's OAuth scopes");
			}
			JsonNode claims = verifier.verify(tokens.idToken(), link.loginUrl(), link.clientId(), pending.nonce());
			if (!claims.path("sub").asString("").equals(tokens.identityUrl())) {
				throw refused("Salesforce's ID token names another user than its token response (id_token_subject)");
			}
			if (!link.orgId().equals(tokens.orgId())) {
				throw refused("You signed in to another Salesforce org (" + tokens.orgId() + "); sign in with a user of the connected org "
						+ link.orgId());
			}
			return tokens.userId();
		}
		catch (OAuthClient.OAuthRefused e) {
			throw refused(explain(e.error()));
		}
	}

	static String explain(String error) {
		return switch (error) {
			case "invalid_client" -> "Salesforce refused Switchboard's client secret (invalid_client): a Webex Admin must reconnect the org "
					+ "with the app's current consumer secret";
			case "invalid_grant" -> "Salesforce refused the sign-in code (invalid_grant): it expired or was used already; sign in again";
			case "id_token_audience" -> "Salesforce's ID token was issued for another app (id_token_audience); sign in again, "
					+ "and check that the org is connected with this app's consumer key";
			case "id_token_issuer" -> "Salesforce's ID token comes from another login host than the connected org's (id_token_issuer)";
			case "id_token_expired" -> "Salesforce's ID token has expired (id_token_expired): check the server's clock and sign in again";
			case "id_token_signature", "id_token_algorithm", "id_token_malformed" ->
				"Salesforce's ID token is not signed by the org's keys (" + error + "); sign in again";
			case "id_token_nonce" -> "Salesforce's ID token belongs to another sign-in (id_token_nonce); sign in again";
			default -> SalesforceConnector.explain(error);
		};
	}

	private OrgLink link() {
		return connection.link().filter(l -> connection.connected()).orElseThrow(() -> CrmException.unavailable("Salesforce not connected",
				"No Salesforce org is connected, so nobody can sign in with Salesforce yet: a Webex Admin signs in with a password and "
						+ "connects the org under Admin → CRM connection."));
	}

	private static CrmException refused(String detail) {
		return CrmException.refused(Refusal.INVALID, "Salesforce sign-in refused", detail);
	}
}
