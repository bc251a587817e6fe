package org.switchboard.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in on the Salesforce double's login page over real HTTP, as a browser does, and returns where it redirects. */
public final class SalesforceLogin {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private static final Pattern HIDDEN = Pattern.compile("type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"");

	private SalesforceLogin() {
	}

	/** Opens the authorize URL, fills in username and password, and returns the callback URL (with code and state). */
	public static String callback(String authorizeUrl, String username, String password) {
		try {
			String page = HTTP.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
			Matcher hidden = HIDDEN.matcher(page);
			StringBuilder form = new StringBuilder("decision=allow&username=" + encode(username) + "&pw=" + encode(password));
			while (hidden.find()) {
				String value = hidden.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
				form.append('&').append(hidden.group(1)).append('=').append(encode(value));
			}
			HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(authorizeUrl).resolve("/services/oauth2/authorize"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
					HttpResponse.BodyHandlers.ofString());
			return answer.headers().firstValue("Location")
				.orElseThrow(() -> new IllegalStateException("The login page did not redirect: " + answer.body()));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The {@code code} parameter of a callback URL. */
	public static String code(String callbackUrl) {
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callbackUrl);
		if (!code.find()) {
			throw new IllegalStateException("No code in " + callbackUrl);
		}
		return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
