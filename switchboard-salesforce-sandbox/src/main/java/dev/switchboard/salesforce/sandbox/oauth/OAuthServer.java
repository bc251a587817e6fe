package dev.switchboard.salesforce.sandbox.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.switchboard.salesforce.sandbox.http.Call;
import dev.switchboard.salesforce.sandbox.http.Reply;
import dev.switchboard.salesforce.sandbox.http.Routes;
import dev.switchboard.salesforce.sandbox.http.SfError;

/**
 * The OAuth 2.0 endpoints of the org (reference §1): the web-server flow with PKCE behind a consent page,
 * the token endpoint's authorization_code and refresh_token grants (no {@code expires_in}, a signed
 * {@code id}+{@code issued_at}), revoke, userinfo and the identity URL. An authorize request with the {@code openid}
 * scope is a sign-in: the page asks for a username and password (any active User of the org) and the token response
 * carries an RS256 {@code id_token} verifiable with the JWKS at {@code /id/keys}. Without {@code openid} the consent
 * page approves as the integration user, who is signed in already.
 */
public final class OAuthServer {

	static final String LOGIN_FAILED = "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";

	private final Tokens tokens = new Tokens();
	private final IdTokens idTokens = new IdTokens();
	private final OrgUsers users;
	private final String clientId;
	private final String clientSecret;
	private final String orgId;
	private final OrgUser user;
	private final String baseUrl;

	/** The user who approves access on the consent page. */
	public record OrgUser(String id, String username, String name, String email) {
	}

	public OAuthServer(String clientId, String clientSecret, String orgId, OrgUser user, String baseUrl,
			dev.switchboard.salesforce.sandbox.records.RecordStore store, String userPassword) {
		this.users = new OrgUsers(store, userPassword);
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.orgId = orgId;
		this.user = user;
		this.baseUrl = baseUrl;
	}

	public Optional<Session> session(String accessToken) {
		return tokens.session(accessToken);
	}

	/** Every access token stops working (the next API call answers 401 INVALID_SESSION_ID); refresh tokens still work. */
	public java.util.List<String> expireSessions() {
		return tokens.expireSessions();
	}

	/** Every refresh token is revoked, as an admin revoking the app's access in Setup does. */
	public void revokeRefreshTokens() {
		tokens.revokeAllRefreshTokens();
	}

	/** Fault: the next ID tokens are issued for another app (audience), as a token minted for a different client would be. */
	public void issueIdTokensFor(String audience) {
		idTokens.issueFor(audience);
	}

	public void routes(Routes routes) {
		routes.on("GET", "/services/oauth2/authorize", null, this::consentPage);
		routes.on("POST", "/services/oauth2/authorize", null, this::approve);
		routes.on("POST", "/services/oauth2/token", null, this::token);
		routes.on("POST", "/services/oauth2/revoke", null, call -> revoke(call.form().getOrDefault("token", call.query("token"))));
		routes.on("GET", "/services/oauth2/revoke", null, call -> revoke(call.query("token")));
		routes.on("GET", "/services/oauth2/userinfo", null, call -> identity(call, true));
		routes.on("GET", "/id/([A-Za-z0-9]{15,18})/([A-Za-z0-9]{15,18})", null, call -> identity(call, false));
		routes.on("GET", "/id/keys", null, call -> Reply.ok(idTokens.jwks()));
	}

	private Reply consentPage(Call call) {
		Map<String, String> p = new LinkedHashMap<>();
		for (String name : new String[] { "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "nonce" }) {
			p.put(name, call.query(name) == null ? "" : call.query(name));
		}
		if (!clientId.equals(p.get("client_id"))) {
			return Reply.text(400, page("error=invalid_client_id", "<p>client identifier invalid</p>"), "text/html;charset=UTF-8");
		}
		if (!"code".equals(p.get("response_type")) || !p.get("redirect_uri").matches("https?://.+")) {
			return Reply.text(400, page("error=invalid_request", "<p>response_type must be code and redirect_uri an http(s) URL</p>"),
					"text/html;charset=UTF-8");
		}
		if (signIn(p.get("scope"))) {
			return loginPage(p, null);
		}
		StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/services/oauth2/authorize\">");
		p.forEach((k, v) -> form.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(html(v)).append("\">"));
		form.append("<p>Switchboard is requesting access to <b>").append(html(p.get("scope"))).append("</b> as ")
			.append(html(user.username())).append(".</p><button name=\"decision\" value=\"allow\" id=\"oaapprove\">Allow</button> ")
			.append("<button name=\"decision\" value=\"deny\">Deny</button></form>");
		return Reply.text(200, page("Allow Access?", form.toString()), "text/html;charset=UTF-8");
	}

	private Reply approve(Call call) {
		Map<String, String> form = call.form();
		String redirect = form.getOrDefault("redirect_uri", "");
		if (!clientId.equals(form.get("client_id")) || !redirect.matches("https?://.+")) {
			throw SfError.oauth(400, "invalid_request", "the authorization request is incomplete");
		}
		String state = form.getOrDefault("state", "");
		String join = redirect.contains("?") ? "&" : "?";
		String stateParam = state.isEmpty() ? "" : "&state=" + encode(state);
		if (!"allow".equals(form.get("decision"))) {
			return Reply.redirect(redirect + join + "error=access_denied&error_description=end-user+denied+authorization" + stateParam);
		}
		OrgUser approver = user;
		if (signIn(form.get("scope"))) {
			Optional<OrgUser> signedIn = users.signIn(form.get("username"), form.get("pw"));
			if (signedIn.isEmpty()) {
				return loginPage(form, LOGIN_FAILED);
			}
			approver = signedIn.get();
		}
		String challenge = form.getOrDefault("code_challenge", "");
		String code = tokens.issueCode(new Tokens.Code(clientId, redirect, form.getOrDefault("scope", ""),
				challenge.isEmpty() ? null : challenge, approver.id(), form.get("nonce"), Instant.now().plus(Duration.ofMinutes(15))));
		return Reply.redirect(redirect + join + "code=" + encode(code) + stateParam);
	}

	private Reply token(Call call) {
		Map<String, String> form = call.form();
		String[] basic = call.basic();
		String id = basic != null ? basic[0] : form.get("client_id");
		String secret = basic != null ? basic[1] : form.get("client_secret");
		if (!clientId.equals(id)) {
			throw SfError.oauth(400, "invalid_client_id", "client identifier invalid");
		}
		if (!clientSecret.equals(secret)) {
			throw SfError.oauth(400, "invalid_client", "invalid client credentials");
		}
		return switch (form.getOrDefault("grant_type", "")) {
			case "authorization_code" -> exchange(form);
			case "refresh_token" -> {
				Tokens.Refresh refresh = tokens.refresh(form.get("refresh_token"))
					.orElseThrow(() -> SfError.oauth(400, "invalid_grant", "expired access/refresh token"));
				yield Reply.ok(tokenResponse(refresh.userId(), refresh.scope(), form.get("refresh_token"), false));
			}
			default -> throw SfError.oauth(400, "unsupported_grant_type", "grant type not supported");
		};
	}

	private Reply exchange(Map<String, String> form) {
		Tokens.Code code = tokens.redeem(form.get("code")).orElseThrow(() -> SfError.oauth(400, "invalid_grant", "invalid authorization code"));
		if (!code.redirectUri().equals(form.get("redirect_uri"))) {
			throw SfError.oauth(400, "redirect_uri_mismatch", "redirect_uri must match configuration");
		}
		String verifier = form.get("code_verifier");
		if (code.challenge() != null && (verifier == null || verifier.isEmpty())) {
			throw SfError.oauth(400, "invalid_grant", "invalid code verifier");
		}
		if (code.challenge() != null && !code.challenge().equals(s256(verifier))) {
			throw SfError.oauth(400, "invalid_request", "invalid code verifier");
		}
		boolean offline = code.scope().matches(".*\\b(refresh_token|offline_access)\\b.*");
		String refresh = offline ? tokens.issueRefresh(new Tokens.Refresh(clientId, code.userId(), code.scope())) : null;
		Map<String, Object> body = tokenResponse(code.userId(), code.scope(), refresh, offline);
		if (signIn(code.scope())) {
			OrgUser signedIn = users.byId(code.userId()).orElseThrow(() -> SfError.oauth(400, "invalid_grant", "user is inactive"));
			body.put("id_token", idTokens.issue(baseUrl, (String) body.get("id"), clientId, code.nonce(),
					Map.of("preferred_username", signedIn.username(), "name", signedIn.name(), "email", signedIn.email())));
		}
		return Reply.ok(body);
	}

	private static boolean signIn(String scope) {
		return scope != null && java.util.Arrays.asList(scope.split(" ")).contains("openid");
	}

	/** Salesforce's login form ({@code username}, {@code pw}), carrying the authorize request along. */
	private Reply loginPage(Map<String, String> request, String error) {
		StringBuilder form = new StringBuilder();
		if (error != null) {
			form.append("<p id=\"error\" role=\"alert\">").append(html(error)).append("</p>");
		}
		form.append("<form method=\"post\" action=\"/services/oauth2/authorize\">");
		for (String name : new String[] { "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "nonce" }) {
			form.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(html(request.getOrDefault(name, ""))).append("\">");
		}
		form.append("<label for=\"username\">Username</label> <input id=\"username\" name=\"username\" type=\"email\"> ")
			.append("<label for=\"password\">Password</label> <input id=\"password\" name=\"pw\" type=\"password\"> ")
			.append("<button name=\"decision\" value=\"allow\" id=\"Login\">Log In</button></form>");
		return Reply.text(200, page("Login | Salesforce", form.toString()), "text/html;charset=UTF-8");
	}

	private Map<String, Object> tokenResponse(String userId, String scope, String refreshToken, boolean includeRefresh) {
		String issuedAt = String.valueOf(System.currentTimeMillis());
		String idUrl = baseUrl + "/id/" + orgId + "/" + userId;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", tokens.issueAccess(orgId, userId, refreshToken));
		if (includeRefresh) {
			body.put("refresh_token", refreshToken);
		}
		body.put("signature", sign(idUrl + issuedAt));
		body.put("scope", scope);
		body.put("instance_url", baseUrl);
		body.put("id", idUrl);
		body.put("token_type", "Bearer");
		body.put("issued_at", issuedAt);
		return body;
	}

	private Reply revoke(String token) {
		if (!tokens.revoke(token)) {
			throw SfError.oauth(400, "invalid_token", "invalid token");
		}
		return Reply.json(200, null);
	}

	private Reply identity(Call call, boolean userinfo) {
		Optional<OrgUser> known = tokens.session(call.bearer()).flatMap(s -> user.id().equals(s.userId()) ? Optional.of(user) : users.byId(s.userId()));
		if (known.isEmpty()) {
			return Reply.text(403, "Bad_OAuth_Token", "text/plain");
		}
		OrgUser who = known.get();
		Map<String, Object> body = new LinkedHashMap<>();
		String idUrl = baseUrl + "/id/" + orgId + "/" + who.id();
		body.put(userinfo ? "sub" : "id", idUrl);
		body.put("user_id", who.id());
		body.put("organization_id", orgId);
		body.put(userinfo ? "preferred_username" : "username", who.username());
		body.put(userinfo ? "name" : "display_name", who.name());
		body.put("email", who.email());
		body.put("active", true);
		body.put("user_type", "STANDARD");
		body.put("urls", Map.of("rest", baseUrl + "/services/data/v{version}/", "sobjects", baseUrl + "/services/data/v{version}/sobjects/",
				"query", baseUrl + "/services/data/v{version}/query/"));
		return Reply.ok(body);
	}

	private String sign(String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String s256(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String page(String title, String body) {
		return "<!doctype html><html><head><title>" + html(title) + "</title></head><body><h1>Salesforce sandbox</h1><h2>"
				+ html(title) + "</h2>" + body + "</body></html>";
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
