package org.switchboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.access.Credentials;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.FormSignIn;
import org.switchboard.support.TcpForwarder;

/** PostgreSQL goes away under a running server: requests fail fast with 503 problems, sign-in says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.demo.enabled=false")
@DirtiesContext
class DatabaseGoneTests {

	private static final String SCHEMA = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	private static TcpForwarder database;

	@LocalServerPort
	int port;

	@Autowired
	CrmRecords records;

	@Autowired
	Credentials credentials;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		database = new TcpForwarder("127.0.0.1", 5432);
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + database.port() + "/test?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		registry.add("spring.flyway.create-schemas", () -> "true");
	}

	@AfterAll
	static void dropTheSchema() throws Exception {
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
				var statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	@Test
	void withTheDatabaseGoneRequestsGet503ProblemsQuicklyAndSignInSaysItIsUnavailable() throws Exception {
		String profile = records.create("Profile", Map.of("Name", "Standard User"), null).id();
		String userId = records.create("User", Map.of("Username", "gone@switchboard.test", "Email", "gone@switchboard.test",
				"LastName", "Gone", "ProfileId", profile, "TimeZoneSidKey", "America/Los_Angeles"), null).id();
		credentials.setPassword(userId, "a-good-password");
		String session = FormSignIn.session(port, "gone@switchboard.test", "a-good-password");

		database.cut();

		long started = System.nanoTime();
		HttpResponse<String> read = send(request("/api/records/Account").header("Cookie", session).GET());
		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		HttpResponse<String> basic = send(request("/api/records/Account").header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString("gone@switchboard.test:a-good-password".getBytes(StandardCharsets.UTF_8))).GET());
		HttpResponse<String> form = FormSignIn.post(port, "gone@switchboard.test", "a-good-password");
		HttpResponse<String> staleSessionPage = send(request("/").header("Cookie", session).header("Accept", "text/html").GET());
		HttpResponse<String> health = send(request("/actuator/health").GET());

		assertThat(read.statusCode()).isEqualTo(503);
		assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(read.body()).contains("cannot be reached").doesNotContain("Exception");
		assertThat(seconds).isLessThan(20);
		assertThat(basic.statusCode()).isEqualTo(503);
		assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login?unavailable");
		HttpResponse<String> unavailable = send(request("/login?unavailable").GET());
		assertThat(unavailable.statusCode()).isEqualTo(200);
		assertThat(unavailable.body()).contains("Sign-in is temporarily unavailable");
		assertThat(staleSessionPage.statusCode()).as("a page whose session cannot be read").isEqualTo(503);
		assertThat(staleSessionPage.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(staleSessionPage.body()).contains("Temporarily unavailable").doesNotContain("Exception");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.headers().firstValue("Content-Type").orElse("")).contains("json");
		assertThat(health.body()).contains("DOWN");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
