package org.switchboard.webex.signin;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.switchboard.support.ApiClient;

/**
 * A browser's part of the Webex sign-in without a browser: one user's session (cookies and HTTP Basic), following
 * Switchboard to the sandbox's sign-in page, answering it, and bringing the answer back to the callback.
 */
final class SignInClient {

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private final String server;
	private final String user;

	SignInClient(int port, String user) {
		this.server = "http://localhost:" + port;
		this.user = user;
	}

	/** {@code /webex/oauth/start}: the sandbox's sign-in address it redirects to. */
	URI start() {
		HttpResponse<String> response = get(URI.create(server + "/webex/oauth/start?returnTo=/"));
		if (response.statusCode() != 302) {
			throw new IllegalStateException("start answered " + response.statusCode());
		}
		return URI.create(response.headers().firstValue("Location").orElseThrow());
	}

	/** Answers the sandbox's page as {@code email} with {@code decision}; returns the callback address it redirects to. */
	URI consent(URI authorize, String email, String decision) {
		Map<String, String> form = new LinkedHashMap<>(query(authorize));
		form.remove("response_type");
		form.put("email", email);
		form.put("decision", decision);
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(authorize.getScheme() + "://" + authorize.getAuthority() + "/v1/authorize"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
		if (response.statusCode() != 302) {
			throw new IllegalStateException("the sandbox's consent answered " + response.statusCode() + ": " + response.body());
		}
		return URI.create(response.headers().firstValue("Location").orElseThrow());
	}

	/** Follows Webex's redirect back to Switchboard's callback, in this user's session. */
	HttpResponse<String> callback(URI callback) {
		return get(callback);
	}

	/** The whole sign-in, accepting as {@code email}. */
	HttpResponse<String> signIn(String email) {
		return callback(consent(start(), email, "accept"));
	}

	HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).header("Authorization", basic()).GET().build());
	}

	HttpResponse<String> home() {
		return get(URI.create(server + "/"));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private String basic() {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	static URI withQuery(URI uri, String name, String value) {
		Map<String, String> params = query(uri);
		params.put(name, value);
		return URI.create(uri.getScheme() + "://" + uri.getAuthority() + uri.getPath() + "?" + encode(params));
	}

	private static String encode(Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return body.toString();
	}
}
