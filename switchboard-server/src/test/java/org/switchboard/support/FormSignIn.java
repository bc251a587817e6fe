package org.switchboard.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through the sign-in form over real HTTP, as a browser does: the page's CSRF token, then the POST. */
public final class FormSignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private FormSignIn() {
	}

	/** The answer to the form's POST (a redirect: home when signed in, back to /login?… otherwise). */
	public static HttpResponse<String> post(int port, String email, String password) {
		try {
			HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(page.body());
			if (!token.find()) {
				throw new IllegalStateException("The sign-in page has no CSRF token");
			}
			String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Cookie", cookies(page)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The session cookie ({@code SESSION=…}, kept in the database by Spring Session) a signed-in user's requests carry. */
	public static String session(int port, String email, String password) {
		HttpResponse<String> signedIn = post(port, email, password);
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("/login")) {
			throw new IllegalStateException("Sign-in failed: " + signedIn.headers().firstValue("Location").orElse("?"));
		}
		return sessionCookie(signedIn);
	}

	/** Every cookie the response set, as a {@code Cookie} header (the CSRF token's cookie, a session's). */
	private static String cookies(HttpResponse<?> response) {
		return String.join("; ", response.headers().allValues("Set-Cookie").stream().map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c)
			.toList());
	}

	public static String sessionCookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
	}
}
