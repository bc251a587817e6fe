package org.switchboard.webex;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.webex.signin.OAuthClient;
import org.switchboard.webex.signin.Tokens;


/**
 * Each user's own Webex sign-in: the OAuth 2.0 authorization-code flow of the Webex integration the admin entered
 * ({@code webexIntegration} settings), with the least scopes the features ask for. The web edge keeps the
 * {@code state} in the user's session; this class builds the sign-in address, turns the code into tokens, checks
 * who they belong to, stores them, and sets up the user's webhooks.
 */
@Service
public class WebexSignIn {

	public static final String CALLBACK_PATH = "/webex/oauth/callback";
	/** Reading who signed in; {@code spark:kms} lets the integration read encrypted content (Webex adds it anyway). */
	private static final List<String> BASE_SCOPES = List.of("spark:kms", "spark:people_read");
	private static final Logger log = LoggerFactory.getLogger(WebexSignIn.class);

	private final OAuthClient oauth;
	private final WebexClient client;
	private final WebexAccounts accounts;
	private final WebexWebhooks webhooks;
	private final WebhookReconciler reconciler;
	private final PublicAddress address;
	private final List<String> scopes;

	WebexSignIn(OAuthClient oauth, WebexClient client, WebexAccounts accounts, WebexWebhooks webhooks, WebhookReconciler reconciler,
			PublicAddress address, List<WebexNeeds> features) {
		this.oauth = oauth;
		this.client = client;
		this.accounts = accounts;
		this.webhooks = webhooks;
		this.reconciler = reconciler;
		this.address = address;
		TreeSet<String> all = new TreeSet<>(BASE_SCOPES);
		features.forEach(f -> all.addAll(f.scopes()));
		this.scopes = List.copyOf(all);
	}

	/** The scopes a sign-in asks for: what the enabled features need, no more. */
	public List<String> scopes() {
		return scopes;
	}

	/** {@code <publicBaseUrl>/webex/oauth/callback}, the redirect URI to register with the integration. */
	public Optional<String> redirectUri() {
		return address.baseUrl().map(base -> base + CALLBACK_PATH);
	}

	/** Why users cannot sign in to Webex yet (what the admin must set), or empty when they can. */
	public Optional<String> unavailableReason() {
		if (!oauth.settings().configured()) {
			return Optional.of("A Webex Admin has not entered the Webex integration's client id and secret yet");
		}
		if (redirectUri().isEmpty()) {
			return Optional.of("A Webex Admin has not set the public base URL, which Webex sends you back to after signing in");
		}
		return Optional.empty();
	}

	/** A new sign-in: a fresh {@code state} (the caller binds it to the user's session) and Webex's sign-in address. */
	public Start start() {
		unavailableReason().ifPresent(reason -> {
			throw new WebexSignInException(WebexSignInException.Reason.NOT_CONFIGURED, reason);
		});
		String state = Secrets.newSecret();
		return new Start(state, client.authorizeUri(oauth.settings().clientId(), redirectUri().orElseThrow(), scopes, state));
	}

	/**
	 * Completes a sign-in whose {@code state} the caller has matched: exchanges the code, checks with
	 * {@code GET /people/me} that the tokens are a person's (not a bot's) and not another user's, stores them, and
	 * creates the user's webhooks. Nothing is stored when any step is refused.
	 */
	public WebexConnection complete(String userId, String code) {
		Tokens tokens;
		try {
			tokens = oauth.exchange(code, redirectUri().orElseThrow());
		}
		catch (WebexApiException e) {
			throw refused(e);
		}
		WebexPerson me;
		try {
			me = client.me(tokens.accessToken());
		}
		catch (WebexApiException e) {
			throw new WebexSignInException(WebexSignInException.Reason.UNAVAILABLE, "Webex did not say who signed in: " + e.getMessage());
		}
		if (!"person".equals(me.type())) {
			throw new WebexSignInException(WebexSignInException.Reason.NOT_A_PERSON,
					"Webex says this sign-in belongs to a " + me.type() + ", not a person; sign in with your own Webex account");
		}
		accounts.forPerson(me.id()).filter(other -> !other.userId().equals(userId)).ifPresent(other -> {
			throw new WebexSignInException(WebexSignInException.Reason.TAKEN,
					"This Webex account (" + me.email() + ") is already connected to another Switchboard user");
		});
		accounts.store(userId, me, tokens);
		try {
			reconciler.reconcileUser(userId);
		}
		catch (RuntimeException e) {
			log.warn("Signed user {} in to Webex, but setting up their webhooks failed ({}); the next reconciliation retries", userId, e.getMessage());
		}
		return accounts.connection(userId);
	}

	/** Signs the user out of Webex: deletes their webhooks at Webex (while the token still works), then forgets the tokens. */
	public void signOut(String userId) {
		Optional<WebexAccount> account = accounts.forUser(userId);
		Optional<String> token = accounts.tokenFor(userId);
		if (account.isPresent() && token.isPresent()) {
			for (RegisteredWebhook webhook : webhooks.ownedBy(account.get().personId())) {
				try {
					webhooks.delete(token.get(), webhook.id());
				}
				catch (WebexApiException e) {
					log.warn("Could not delete webhook {} of user {} at Webex: {}", webhook.id(), userId, e.getMessage());
				}
			}
		}
		accounts.signOut(userId, "You signed out of Webex");
	}

	private static WebexSignInException refused(WebexApiException e) {
		if (e.status() == 401) {
			return new WebexSignInException(WebexSignInException.Reason.CLIENT_REFUSED,
					"Webex refused the integration's client id or secret; a Webex Admin must check them in the Admin console");
		}
		if (e.status() == 400) {
			return new WebexSignInException(WebexSignInException.Reason.CODE_REFUSED,
					"Webex refused the sign-in code (it expires after a few minutes and works once); please sign in again");
		}
		return new WebexSignInException(WebexSignInException.Reason.UNAVAILABLE, "Webex did not complete the sign-in: " + e.getMessage());
	}

	/** Where to send the browser, and the {@code state} it must come back with. */
	public record Start(String state, URI authorizeUrl) {
	}
}
