package org.switchboard.crm;

import java.io.Serializable;
import java.util.Map;

/**
 * The CRM backend's connection as the admin console manages it: its status, and for a remote CRM (Salesforce) the
 * OAuth web-server flow that connects an org. The embedded store is always "connected" and refuses Connect.
 */
public interface CrmConnections {

	/** {@code backend}, {@code connected}, and for Salesforce the org, user, instance URL, API version, calls left. Never a token. */
	Map<String, Object> status();

	/** Checks the settings and starts a Connect; the answer is kept in the admin's session until the callback. */
	Connect start(String loginUrl, String clientId, String clientSecret, String redirectUri);

	/** Completes a Connect from the callback's code; a refusal is a 400 naming the cause and stores nothing. */
	void complete(Connect connect, String code);

	void disconnect();

	/**
	 * True while this server's CRM is a remote org (Salesforce) and none is connected (never, or the admin disconnected
	 * it): its users cannot be read and nobody can sign in with the CRM's login. Never true on the embedded store.
	 */
	boolean awaitingOrg();

	/** A Connect in progress: PKCE verifier, {@code state} and the credentials, never shown ({@code toString} hides them). */
	record Connect(String loginUrl, String clientId, String clientSecret, String redirectUri, String state, String verifier,
			String authorizeUrl) implements Serializable {

		@Override
		public String toString() {
			return "Connect[login=" + loginUrl + "]";
		}
	}
}
