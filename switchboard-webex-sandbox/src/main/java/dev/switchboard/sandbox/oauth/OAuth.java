package dev.switchboard.sandbox.oauth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.sandbox.SeedPerson;
import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Request;
import dev.switchboard.sandbox.http.Response;
import dev.switchboard.sandbox.http.Router;
import dev.switchboard.sandbox.people.People;
import dev.switchboard.sandbox.people.Person;

import tools.jackson.databind.JsonNode;

/**
 * Webex's OAuth 2.0 authorization-code flow for integrations (webex-api.md §2.2): {@code GET /v1/authorize} shows a
 * sign-in and consent page over the sandbox's people, {@code POST /v1/access_token} exchanges a code or a refresh
 * token. Codes are single-use and last 10 minutes; a refresh keeps the refresh token and restarts its lifetime.
 * {@code /sandbox/integrations} stands in for "Create an integration" on the developer portal.
 */
public class OAuth {

	private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final People people;
	private final Duration accessLifetime;
	private final Duration refreshLifetime;
	private final Clock clock;
	private final Map<String, Integration> integrations = new ConcurrentHashMap<>();
	private final Map<String, Code> codes = new ConcurrentHashMap<>();
	private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
	private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
	private volatile Runnable changed = () -> {
	};

	public OAuth(People people, Duration accessLifetime, Duration refreshLifetime) {
		this(people, accessLifetime, refreshLifetime, Clock.systemUTC());
	}

	/** With the clock that codes and tokens expire by, so a test can move it instead of waiting. */
	public OAuth(People people, Duration accessLifetime, Duration refreshLifetime, Clock clock) {
		this.people = people;
		this.accessLifetime = accessLifetime;
		this.refreshLifetime = refreshLifetime;
		this.clock = clock;
	}

	public void routes(Router router) {
		router.on("GET", "/v1/authorize", this::authorizePage)
			.on("POST", "/v1/authorize", this::decide)
			.on("POST", "/v1/access_token", this::token)
			.on("POST", "/sandbox/integrations", this::createIntegration)
			.on("GET", "/sandbox/integrations", r -> Response.ok(Map.of("items", integrations.values().stream().map(Integration::toJson).toList())))
			.on("POST", "/sandbox/oauth/revoke", r -> {
				Person person = person(r);
				accessTokens.values().removeIf(g -> g.person.id().equals(person.id()));
				refreshTokens.values().removeIf(g -> g.person.id().equals(person.id()));
				changed.run();
				return Response.noContent();
			})
			.on("POST", "/sandbox/oauth/expire", r -> {
				Person person = person(r);
				accessTokens.replaceAll((t, g) -> g.person.id().equals(person.id()) ? g.expiringAt(clock.instant().minusSeconds(1)) : g);
				changed.run();
				return Response.noContent();
			});
	}

	/** Runs after every change to what {@link #state()} holds (a new integration, a grant issued, refreshed or revoked). */
	public void onChange(Runnable listener) {
		this.changed = listener;
	}

	/**
	 * What Webex keeps when its client restarts: the integrations and the grants that have not expired (codes last
	 * minutes and are not kept). Holds secrets and tokens: for a file only its owner reads.
	 */
	public Map<String, Object> state() {
		Instant now = clock.instant();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("integrations", integrations.values().stream().map(i -> {
			Map<String, Object> json = i.toJson();
			json.put("clientSecret", i.clientSecret);
			return json;
		}).toList());
		state.put("accessTokens", grants(accessTokens, now));
		state.put("refreshTokens", grants(refreshTokens, now));
		return state;
	}

	/** Takes back what {@link #state()} answered, for the people this sandbox knows (grants of others are dropped). */
	public void restore(JsonNode state) {
		state.path("integrations").forEach(i -> {
			List<String> redirectUris = new ArrayList<>();
			i.path("redirectUris").forEach(u -> redirectUris.add(u.asString()));
			Set<String> scopes = new LinkedHashSet<>();
			i.path("scopes").forEach(u -> scopes.add(u.asString()));
			String clientId = i.path("clientId").asString();
			integrations.put(clientId, new Integration(clientId, i.path("clientSecret").asString(), i.path("name").asString(),
					List.copyOf(redirectUris), scopes));
		});
		restoreGrants(state.path("accessTokens"), accessTokens);
		restoreGrants(state.path("refreshTokens"), refreshTokens);
	}

	private static List<Map<String, Object>> grants(Map<String, Grant> grants, Instant now) {
		return grants.entrySet().stream().filter(e -> !e.getValue().expiredAt(now)).map(e -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("token", e.getKey());
			json.put("personId", e.getValue().person.id());
			json.put("clientId", e.getValue().clientId);
			json.put("scopes", e.getValue().scopes);
			json.put("expiresAt", e.getValue().expiresAt.toString());
			return json;
		}).toList();
	}

	private void restoreGrants(JsonNode grants, Map<String, Grant> into) {
		grants.forEach(g -> people.find(g.path("personId").asString()).ifPresent(person -> {
			Set<String> scopes = new LinkedHashSet<>();
			g.path("scopes").forEach(s -> scopes.add(s.asString()));
			into.put(g.path("token").asString(), new Grant(person, g.path("clientId").asString(), scopes,
					Instant.parse(g.path("expiresAt").asString()), null));
		}));
	}

	/** The person an unexpired issued access token acts for, or null. */
	public Person personFor(String accessToken) {
		Grant grant = accessTokens.get(accessToken);
		return grant == null || grant.expiredAt(clock.instant()) ? null : grant.person;
	}

	// --- the browser's side: sign in and consent ---

	private Response authorizePage(Request request) {
		Map<String, String> q = request.queryParams();
		Integration integration = requireClient(q.get("client_id"), q.get("redirect_uri"));
		String state = q.get("state");
		if (!"code".equals(q.get("response_type"))) {
			return redirect(q.get("redirect_uri"), Map.of("error", "unsupported_response_type"), state);
		}
		Set<String> scopes = scopes(q.get("scope"));
		if (scopes.isEmpty() || !integration.scopes.containsAll(scopes)) {
			return redirect(q.get("redirect_uri"), Map.of("error", "invalid_scope"), state);
		}
		return page(integration, q.get("redirect_uri"), scopes, state, null, 200);
	}

	private Response decide(Request request) {
		Map<String, String> form = form(request);
		Integration integration = requireClient(form.get("client_id"), form.get("redirect_uri"));
		String state = form.get("state");
		Set<String> scopes = scopes(form.get("scope"));
		if (scopes.isEmpty() || !integration.scopes.containsAll(scopes)) {
			return redirect(form.get("redirect_uri"), Map.of("error", "invalid_scope"), state);
		}
		if (!"accept".equals(form.get("decision"))) {
			return redirect(form.get("redirect_uri"), Map.of("error", "access_denied", "error_description", "The user declined"), state);
		}
		Person person = people.byEmail(form.getOrDefault("email", "").trim()).filter(p -> "person".equals(p.type())).orElse(null);
		if (person == null) {
			return page(integration, form.get("redirect_uri"), scopes, state, "There is no Webex account for that email.", 400);
		}
		String code = random(24);
		codes.put(code, new Code(integration.clientId, form.get("redirect_uri"), person, scopes, clock.instant().plus(CODE_LIFETIME)));
		return redirect(form.get("redirect_uri"), Map.of("code", code), state);
	}

	private Integration requireClient(String clientId, String redirectUri) {
		Integration integration = clientId == null ? null : integrations.get(clientId);
		if (integration == null) {
			throw new ApiError(400, "The client_id is not a known integration");
		}
		if (redirectUri == null || !integration.redirectUris.contains(redirectUri)) {
			throw new ApiError(400, "The redirect_uri does not match a redirect URI of the integration");
		}
		return integration;
	}

	private Response page(Integration integration, String redirectUri, Set<String> scopes, String state, String error, int status) {
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in to Webex (sandbox)</title>
				<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto}li{margin:.2rem 0}.error{color:#b00}</style></head><body>
				<h1>Sign in to Webex</h1>""");
		html.append("<p><strong>").append(escape(integration.name)).append("</strong> would like to:</p><ul>");
		scopes.forEach(s -> html.append("<li><code>").append(escape(s)).append("</code></li>"));
		html.append("</ul>");
		if (error != null) {
			html.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
		}
		html.append("<form method=\"post\" action=\"/v1/authorize\">")
			.append(hidden("client_id", integration.clientId)).append(hidden("redirect_uri", redirectUri))
			.append(hidden("scope", String.join(" ", scopes))).append(hidden("state", state == null ? "" : state))
			.append("<label>Email <input name=\"email\" type=\"email\" list=\"people\" autocomplete=\"off\"></label><datalist id=\"people\">");
		people.all().stream().filter(p -> "person".equals(p.type()))
			.forEach(p -> html.append("<option value=\"").append(escape(p.email())).append("\">").append(escape(p.displayName())).append("</option>"));
		html.append("</datalist><p><button name=\"decision\" value=\"accept\">Accept</button> ")
			.append("<button name=\"decision\" value=\"decline\">Decline</button></p></form></body></html>");
		return new Response(status, new LinkedHashMap<>(), null, html.toString().getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8");
	}

	// --- the client's side: codes and refresh tokens for tokens ---

	private Response token(Request request) {
		Map<String, String> form = form(request);
		Integration integration = integrations.get(form.getOrDefault("client_id", ""));
		if (integration == null || !integration.clientSecret.equals(form.get("client_secret"))) {
			throw oauthError(401, "invalid_client", "The client_id or client_secret is invalid.");
		}
		String grantType = form.getOrDefault("grant_type", "");
		return switch (grantType) {
			case "authorization_code" -> exchangeCode(integration, form);
			case "refresh_token" -> refresh(integration, form.get("refresh_token"));
			default -> throw oauthError(400, "unsupported_grant_type", "The grant_type '" + grantType + "' is not supported.");
		};
	}

	private Response exchangeCode(Integration integration, Map<String, String> form) {
		Code code = codes.get(form.getOrDefault("code", ""));
		if (code == null || code.expiresAt.isBefore(clock.instant()) || !code.clientId.equals(integration.clientId)
				|| !code.redirectUri.equals(form.get("redirect_uri"))) {
			throw oauthError(400, "invalid_grant", "The authorization code is invalid or expired.");
		}
		if (code.used) {
			// A code used twice may be stolen: revoke what it gave (RFC 6749 §4.1.2).
			accessTokens.values().removeIf(g -> g.code == code);
			refreshTokens.values().removeIf(g -> g.code == code);
			changed.run();
			throw oauthError(400, "invalid_grant", "The authorization code has already been used.");
		}
		code.used = true;
		Grant refresh = new Grant(code.person, integration.clientId, code.scopes, clock.instant().plus(refreshLifetime), code);
		String refreshToken = random(48);
		refreshTokens.put(refreshToken, refresh);
		return issue(refresh, refreshToken);
	}

	private Response refresh(Integration integration, String refreshToken) {
		Grant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
		if (grant == null || grant.expiredAt(clock.instant()) || !grant.clientId.equals(integration.clientId)) {
			throw oauthError(400, "invalid_grant", "The refresh token provided is expired, revoked, malformed, or invalid.");
		}
		Grant renewed = grant.expiringAt(clock.instant().plus(refreshLifetime));
		refreshTokens.put(refreshToken, renewed);
		return issue(renewed, refreshToken);
	}

	private Response issue(Grant refresh, String refreshToken) {
		String accessToken = random(48) + "_PF84_" + SeedPerson.ORG_UUID; // Webex's three-part form, as the seeded tokens
		accessTokens.put(accessToken, refresh.expiringAt(clock.instant().plus(accessLifetime)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", accessToken);
		body.put("expires_in", accessLifetime.toSeconds());
		body.put("refresh_token", refreshToken);
		body.put("refresh_token_expires_in", Duration.between(clock.instant(), refresh.expiresAt).toSeconds());
		body.put("token_type", "Bearer");
		body.put("scope", String.join(" ", refresh.scopes));
		changed.run();
		return Response.ok(body);
	}

	// --- the developer portal ---

	private Response createIntegration(Request request) {
		JsonNode body = request.json();
		List<String> redirectUris = new ArrayList<>();
		body.path("redirectUris").forEach(u -> redirectUris.add(u.asString()));
		List<String> scopes = new ArrayList<>();
		body.path("scopes").forEach(s -> scopes.add(s.asString()));
		if (redirectUris.isEmpty() || scopes.isEmpty()) {
			throw ApiError.badRequest("redirectUris and scopes are required");
		}
		String clientId = body.path("clientId").asString("C" + random(32));
		String secret = body.path("clientSecret").asString(random(32));
		Integration integration = new Integration(clientId, secret, request.required(body, "name"), List.copyOf(redirectUris),
				new LinkedHashSet<>(scopes));
		integrations.put(clientId, integration);
		changed.run();
		Map<String, Object> json = integration.toJson();
		json.put("clientSecret", secret);
		return Response.ok(json);
	}

	private Person person(Request request) {
		String email = request.required(request.json(), "email");
		return people.byEmail(email).orElseThrow(() -> ApiError.notFound("No person " + email));
	}

	// --- helpers ---

	private static ApiError oauthError(int status, String error, String description) {
		return new OAuthError(status, error, description);
	}

	private static Response redirect(String redirectUri, Map<String, String> params, String state) {
		StringBuilder url = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
		Map<String, String> all = new LinkedHashMap<>(params);
		if (state != null) {
			all.put("state", state);
		}
		all.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
		url.setLength(url.length() - 1);
		return new Response(302, new LinkedHashMap<>(Map.of("Location", url.toString())), null, null, null);
	}

	private static Set<String> scopes(String scope) {
		return scope == null ? Set.of() : new LinkedHashSet<>(Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
	}

	private static Map<String, String> form(Request request) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : new String(request.body(), StandardCharsets.UTF_8).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			form.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
					eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return form;
	}

	private static String hidden(String name, String value) {
		return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private record Integration(String clientId, String clientSecret, String name, List<String> redirectUris, Set<String> scopes) {

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("clientId", clientId);
			json.put("name", name);
			json.put("redirectUris", redirectUris);
			json.put("scopes", scopes);
			return json;
		}
	}

	private static final class Code {

		final String clientId;
		final String redirectUri;
		final Person person;
		final Set<String> scopes;
		final Instant expiresAt;
		volatile boolean used;

		Code(String clientId, String redirectUri, Person person, Set<String> scopes, Instant expiresAt) {
			this.clientId = clientId;
			this.redirectUri = redirectUri;
			this.person = person;
			this.scopes = scopes;
			this.expiresAt = expiresAt;
		}
	}

	private record Grant(Person person, String clientId, Set<String> scopes, Instant expiresAt, Code code) {

		boolean expiredAt(Instant now) {
			return !expiresAt.isAfter(now);
		}

		Grant expiringAt(Instant at) {
			return new Grant(person, clientId, scopes, at, code);
		}
	}

	/** Webex's error body, naming the OAuth error code ({@code invalid_grant}, {@code invalid_client}, …) as OAuth clients expect. */
	private static final class OAuthError extends ApiError {

		private final String error;

		OAuthError(int status, String error, String description) {
			super(status, "(" + error + ") " + description);
			this.error = error;
		}

		@Override
		public Map<String, Object> body(String trackingId) {
			Map<String, Object> body = super.body(trackingId);
			body.put("error", error);
			body.put("error_description", getMessage().substring(error.length() + 3));
			return body;
		}
	}
}
