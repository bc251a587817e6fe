package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.FormSignIn;

class SignInTests extends EmbeddedServerTest {

	@Autowired
	CrmRecords records;

	@Autowired
	Credentials credentials;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void repeatedWrongPasswordsLockTheAccountAndSaySoWithTheWait() throws Exception {
		String email = newUser("first-password");
		for (int i = 0; i < 6; i++) {
			assertThat(basic(email, "wrong-" + i).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> locked = basic(email, "first-password");
		HttpResponse<String> form = FormSignIn.post(port, email, "first-password");

		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(locked.body()).contains("Too many attempts, try again in ").contains(" s.");
		assertThat(form.headers().firstValue("Location").orElseThrow()).contains("/login?throttled=");
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + port + "/login?throttled=2")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("Too many attempts, try again in 2 s.");
	}

	@Test
	void aRememberedBasicPasswordStopsWorkingWhenThePasswordChanges() throws Exception {
		String email = newUser("first-password");
		assertThat(basic(email, "first-password").statusCode()).isEqualTo(200);
		assertThat(basic(email, "first-password").statusCode()).isEqualTo(200);

		credentials.setPassword(records.findByField("User", "Username", email).get(0).id(), "second-password");

		assertThat(basic(email, "first-password").statusCode()).isEqualTo(401);
		assertThat(basic(email, "second-password").statusCode()).isEqualTo(200);
	}

	private String newUser(String password) {
		String email = "signin-" + UUID.randomUUID().toString().substring(0, 8) + "@switchboard.test";
		String profile = records.findByField("Profile", "Name", "Standard User").get(0).id();
		String id = records.create("User", Map.of("Username", email, "Email", email, "LastName", "Signin", "ProfileId", profile,
				"TimeZoneSidKey", "America/Los_Angeles"), null).id();
		credentials.setPassword(id, password);
		return email;
	}

	private HttpResponse<String> basic(String email, String password) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/objects"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
