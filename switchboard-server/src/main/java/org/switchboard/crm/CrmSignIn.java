package org.switchboard.crm;

import java.io.Serializable;

/**
 * Users signing in with the CRM's own login, where the CRM has one: on Salesforce, OpenID Connect through the app the
 * admin connected (web-server flow with PKCE, {@code state} and {@code nonce}). The embedded store has no such bean.
 */
public interface CrmSignIn {

	/** Starts a sign-in; the answer stays in the browser's session until the callback and is never shown. */
	Pending start(String redirectUri);

	/**
	 * The CRM User id of whoever signed in, once the code is exchanged and the ID token checked (signature, issuer,
	 * audience, expiry, nonce, org); a refusal is a {@link CrmException} whose detail names the cause.
	 */
	String complete(Pending pending, String code);

	/** A sign-in in progress: {@code state}, PKCE verifier and {@code nonce} ({@code toString} hides them). */
	record Pending(String state, String verifier, String nonce, String redirectUri, String authorizeUrl) implements Serializable {

		@Override
		public String toString() {
			return "Pending[" + redirectUri + "]";
		}
	}
}
