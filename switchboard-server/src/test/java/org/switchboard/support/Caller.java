package org.switchboard.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One role calling the running server one way: with HTTP Basic on every request, or as the browser does, signed in
 * through the login form with a session cookie and the page's CSRF token on every request. Never follows redirects.
 */
public final class Caller {

	public enum Transport {
		BASIC, SESSION
	}

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
	private static final Pattern META_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

	private final String baseUrl;
	private final String user;
	private final Transport transport;
	private final HttpClient http;
	private String csrfHeader;
	private String csrfToken;

	private Caller(int port, String user, Transport transport) {
		this.baseUrl = "http://localhost:" + port;
		this.user = user;
		this.transport = transport;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** {@code user} null is an anonymous caller (no credentials, no session). */
	public static Caller of(int port, String user, Transport transport) {
		Caller caller = new Caller(port, user, transport);
		if (user != null && transport == Transport.SESSION) {
			caller.signIn();
		}
		return caller;
	}

	public String user() {
		return user;
	}

	public Transport transport() {
		return transport;
	}

	@Override
	public String toString() {
		return (user == null ? "anonymous" : user) + " over " + transport;
	}

	public HttpResponse<String> get(String path) {
		return send("GET", path, null, null, "application/json");
	}

	public HttpResponse<String> json(String method, String path, String json) {
		return send(method, path, json == null ? null : "application/json", json, "application/json");
	}

	public HttpResponse<String> send(String method, String path, String contentType, String body, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (user != null && transport == Transport.BASIC) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		if (csrfToken != null) {
			request.header(csrfHeader, csrfToken);
			request.header("Origin", baseUrl);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(method + " " + path + " as " + this + " failed", e);
		}
	}

	private void signIn() {
		String loginPage = send("GET", "/login", null, null, "text/html").body();
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + ApiClient.PASSWORD
				+ "&_csrf=" + URLEncoder.encode(find(FORM_TOKEN, loginPage, "login form token"), StandardCharsets.UTF_8);
		HttpResponse<String> login = send("POST", "/login", "application/x-www-form-urlencoded", form, "text/html");
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Signing in as " + user + " failed: " + login.statusCode() + " " + login.headers().map());
		}
		String home = send("GET", "/", null, null, "text/html").body();
		csrfHeader = find(META_HEADER, home, "CSRF header name");
		csrfToken = find(META_TOKEN, home, "CSRF token");
	}

	private static String find(Pattern pattern, String html, String what) {
		Matcher matcher = pattern.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + what + " in the page");
		}
		return matcher.group(1);
	}
}
