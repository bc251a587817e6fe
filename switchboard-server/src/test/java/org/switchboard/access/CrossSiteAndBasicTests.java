package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;

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
		assertThat(created.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
	}

	@Test
	void aSessionWriteNeedsItsCsrfTokenWhateverAuthorizationHeaderComesWithIt() throws Exception {
		String session = signIn(ApiClient.ADMIN);

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

	private String signIn(String user) throws Exception {
		HttpResponse<String> page = send(request("/login").GET());
		String cookie = sessionCookie(page);
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).isTrue();
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + ApiClient.PASSWORD
				+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = send(request("/login").header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return sessionCookie(signedIn);
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
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
