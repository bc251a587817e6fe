package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.FormSignIn;

class CrossSiteAndBasicTests extends EmbeddedServerTest {

	private static final String ACCOUNT = "{\"Name\":\"Cross Site Ltd\"}";
	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aWriteFromAnotherSiteIsRefusedEvenWithBasicCredentials() throws Exception {
		HttpResponse<String> forged = send(request("/api/records/Account").header("Authorization", basic(ApiClient.ADMIN))
			.header("Origin", "https://evil.example").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(ACCOUNT)));
		HttpResponse<String> multipart = send(request("/api/records/Account").header("Authorization", basic(ApiClient.ADMIN))
			.header("Referer", "https://evil.example/page").header("Content-Type", "multipart/form-data; boundary=x")
			.POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"Name\"\r\n\r\nEvil\r\n--x--\r\n")));
		HttpResponse<String> nullOrigin = send(request("/api/records/Account").header("Authorization", basic(ApiClient.ADMIN))
			.header("Origin", "null").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ACCOUNT)));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("another site");
		assertThat(multipart.statusCode()).isEqualTo(403);
		assertThat(nullOrigin.statusCode()).isEqualTo(403);
		assertThat(api().get(ApiClient.ADMIN, "/api/records/Account?q=Evil").json().get("total").asInt()).isZero();
	}

	@Test
	void aWriteFromThisSiteWithBasicCredentialsNeedsNoCsrfTokenAndCreatesNoSession() throws Exception {
		HttpResponse<String> created = send(request("/api/records/Account").header("Authorization", basic(ApiClient.ADMIN))
			.header("Origin", "http://localhost:" + port).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(ACCOUNT)));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
	}

	@Test
	void aSessionWriteNeedsItsCsrfTokenWhateverAuthorizationHeaderComesWithIt() throws Exception {
		String session = FormSignIn.session(port, ApiClient.ADMIN, ApiClient.PASSWORD);

		HttpResponse<String> bearer = send(request("/api/records/Account").header("Cookie", session)
			.header("Authorization", "Bearer x").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(ACCOUNT)));
		HttpResponse<String> multipart = send(request("/api/records/Account").header("Cookie", session)
			.header("Content-Type", "multipart/form-data; boundary=x")
			.POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"Name\"\r\n\r\nEvil\r\n--x--\r\n")));
		HttpResponse<String> read = send(request("/api/objects").header("Cookie", session).GET());

		assertThat(bearer.statusCode()).isEqualTo(403);
		assertThat(bearer.body()).contains("CSRF");
		assertThat(multipart.statusCode()).isEqualTo(403);
		assertThat(read.statusCode()).isEqualTo(200);
	}

	@Test
	void browsersAreNotInvitedToCacheBasicCredentials() throws Exception {
		HttpResponse<String> browser = send(request("/api/objects").header("Sec-Fetch-Mode", "navigate").GET());
		HttpResponse<String> script = send(request("/api/objects").GET());

		assertThat(browser.statusCode()).isEqualTo(401);
		assertThat(browser.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(script.statusCode()).isEqualTo(401);
		assertThat(script.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Switchboard\"");
	}

	@Test
	void webhookDeliveriesPassThroughTheirOwnStatelessSecurityChain() throws Exception {
		HttpResponse<String> delivery = send(request("/webhooks/webex").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"unknown\"}")));

		assertThat(delivery.statusCode()).isEqualTo(404);
		assertThat(delivery.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(delivery.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void everyRefusalIsAProblemForTheApiAndTheErrorPageForAFormWithoutJavaNames() throws Exception {
		HttpResponse<String> wrongPassword = send(request("/api/objects").header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((ApiClient.ADMIN + ":wrong").getBytes(StandardCharsets.UTF_8))).GET());
		HttpResponse<String> formWithoutToken = send(request("/admin/general").header("Cookie", FormSignIn.session(port, ApiClient.ADMIN, ApiClient.PASSWORD))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("defaultPhoneRegion=US")));
		HttpResponse<String> wrongShape = send(request("/api/objects/Account/fields").header("Authorization", basic(ApiClient.ADMIN))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Shape__c\",\"type\":\"picklist\",\"picklistValues\":{\"a\":1}}")));

		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(wrongPassword.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(formWithoutToken.statusCode()).isEqualTo(403);
		assertThat(formWithoutToken.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(wrongShape.statusCode()).isEqualTo(400);
		assertThat(wrongShape.body()).doesNotContain("java.").doesNotContain("org.switchboard").doesNotContain("`");
	}

	@Test
	void theSessionCookieIsSecureWhenServedOverHttpsAndPagesCarryTheSecurityHeaders() throws Exception {
		HttpResponse<String> viaProxy = send(request("/login").header("X-Forwarded-Proto", "https").GET());
		HttpResponse<String> plain = send(request("/login").GET());

		assertThat(viaProxy.headers().allValues("Set-Cookie")).as("the sign-in page needs no session, only the CSRF token's cookie")
			.noneMatch(c -> c.startsWith("SESSION=")).anyMatch(c -> c.startsWith("XSRF-TOKEN=") && c.contains("Secure") && c.contains("HttpOnly"));
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(viaProxy.body());
		assertThat(token.find()).isTrue();
		String xsrf = viaProxy.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
		HttpResponse<String> signedIn = send(request("/login").header("X-Forwarded-Proto", "https")
			.header("Cookie", xsrf.substring(0, xsrf.indexOf(';'))).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + java.net.URLEncoder.encode(ApiClient.AGENT, java.nio.charset.StandardCharsets.UTF_8)
					+ "&password=" + ApiClient.PASSWORD + "&_csrf=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8))));
		assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION=") && c.contains("Secure"));
		assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
		assertThat(plain.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}
}
