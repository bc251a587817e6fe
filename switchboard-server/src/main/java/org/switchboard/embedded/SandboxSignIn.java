package org.switchboard.embedded;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.RunningSandbox;
import org.switchboard.webex.WebexSignIn;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the demo users' part of the Webex sign-in against the sandbox's own pages, over HTTP: opens the sign-in
 * address Switchboard built, signs in and accepts as the person, and hands the code it is sent back with to
 * {@link WebexSignIn#complete} after checking the {@code state}, as the callback does for a browser.
 */
final class SandboxSignIn {

	private final RunningSandbox sandbox;
	private final WebexSignIn signIn;
	private final JsonMapper json;
	private final SandboxHttp http = new SandboxHttp();

	SandboxSignIn(RunningSandbox sandbox, WebexSignIn signIn, JsonMapper json) {
		this.sandbox = sandbox;
		this.signIn = signIn;
		this.json = json;
	}

	/** Creates the integration at the sandbox (its stand-in for developer.webex.com) and answers its client id and secret. */
	Credentials createIntegration() {
		Map<String, Object> request = Map.of("name", "Switchboard (embedded default)", "redirectUris", List.of(signIn.redirectUri().orElseThrow()),
				"scopes", signIn.scopes());
		JsonNode created = json.readTree(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/integrations"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))), 200).body());
		return new Credentials(created.path("clientId").asString(), created.path("clientSecret").asString());
	}

	/** Whether the sandbox still has the integration {@code clientId}, with this server's redirect URI and every scope a sign-in asks for. */
	boolean knowsIntegration(String clientId) {
		if (clientId == null) {
			return false;
		}
		JsonNode listed = json.readTree(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/integrations")).GET(), 200).body());
		for (JsonNode known : listed.path("items")) {
			if (clientId.equals(known.path("clientId").asString()) && contains(known.path("redirectUris"), List.of(signIn.redirectUri().orElseThrow()))
					&& contains(known.path("scopes"), signIn.scopes())) {
				return true;
			}
		}
		return false;
	}

	private static boolean contains(JsonNode values, List<String> wanted) {
		List<String> present = new ArrayList<>();
		values.forEach(v -> present.add(v.asString()));
		return present.containsAll(wanted);
	}

	void signIn(String userId, String email) {
		WebexSignIn.Start start = signIn.start();
		http.send(HttpRequest.newBuilder(start.authorizeUrl()).GET(), 200);
		Map<String, String> form = new LinkedHashMap<>(query(start.authorizeUrl()));
		form.remove("response_type");
		form.put("email", email);
		form.put("decision", "accept");
		HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/authorize"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form))), 302);
		Map<String, String> callback = query(URI.create(consent.headers().firstValue("Location").orElseThrow()));
		if (!start.state().equals(callback.get("state")) || callback.get("code") == null) {
			throw new IllegalStateException("The sandbox's sign-in for " + email + " came back without a code or with another state");
		}
		signIn.complete(userId, callback.get("code"));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	private static String encode(Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return body.toString();
	}

	/** An integration's client id and secret; {@link #toString()} hides the secret. */
	record Credentials(String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "Credentials[" + clientId + "]";
		}
	}
}
