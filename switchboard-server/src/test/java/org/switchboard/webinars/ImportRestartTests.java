package org.switchboard.webinars;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.RunningSandbox;
import dev.switchboard.sandbox.SandboxOptions;
import dev.switchboard.sandbox.WebexSandbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.SwitchboardApplication;
import org.switchboard.access.SwitchboardUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.switchboard.crm.CrmRecords;
import org.switchboard.webex.WebexAccounts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server stopped mid-import (its worker interrupted between or inside a chunk) and started again on the same data:
 * the import resumes after the last committed chunk and the totals add up with nobody written twice. The Webex side is
 * a sandbox outside both servers, so the webinar outlives the restart as it would at Webex.
 */
class ImportRestartTests {

	private static final String ADMIN = "admin@switchboard.test";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int PEOPLE = 6_000;

	@TempDir
	Path data;

	@Test
	void aServerStoppedMidImportResumesAfterARestartWithoutDuplicates() throws Exception {
		try (RunningSandbox sandbox = WebexSandbox.start(SandboxOptions.defaults().withPort(0))) {
			JsonNode webinar = generate(sandbox);
			String domain = webinar.get("generated").get("domain").asString();
			String importId;
			try (ConfigurableApplicationContext first = start(sandbox)) {
				String admin = first.getBean(CrmRecords.class).findByField("User", "Username", ADMIN).get(0).id();
				first.getBean(WebexAccounts.class).link(admin, sandbox.people().stream().filter(p -> p.email().equals(ADMIN)).findFirst().orElseThrow().token());
				first.getBean(ImportMappings.class).save("Lead", new ImportMapping(null, "Email", false, "fillBlanks", "campaignMembers",
						Map.of("FirstName", "firstName", "LastName", "lastName", "Email", "email", "Company", "companyName")), true, admin);
				String campaign = first.getBean(CrmRecords.class).create("Campaign", Map.of("Name", "Restart " + domain), null).id();
				importId = first.getBean(Webinars.class).startImport((SwitchboardUser) first.getBean(UserDetailsService.class).loadUserByUsername(ADMIN),
						webinar.get("id").asString(), new ImportRequest("Lead", List.of("registrants"), campaign)).importId();
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
					.until(() -> processed(jdbc, importId), p -> p > 0);
			}
			try (ConfigurableApplicationContext second = start(sandbox)) {
				JdbcClient jdbc = second.getBean(JdbcClient.class);
				int before = processed(jdbc, importId);
				assertThat(before).as("stopped mid-import").isLessThan(PEOPLE);

				ImportJob job = Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
					.until(() -> second.getBean(ImportJobs.class).find(importId).orElseThrow(), ImportJob::finished);

				assertThat(job.state()).isEqualTo("done");
				assertThat(job.total()).isEqualTo(PEOPLE);
				assertThat(job.processed()).isEqualTo(PEOPLE);
				assertThat(job.created()).isEqualTo(PEOPLE);
				assertThat(job.created() + job.updated() + job.skipped() + job.failed()).isEqualTo(PEOPLE);
				assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_search_term WHERE object_name = 'Lead' AND term LIKE ?").param("%@" + domain)
					.query(Long.class).single()).as("one Lead per person").isEqualTo(PEOPLE);
				assertThat(jdbc.sql("SELECT COUNT(DISTINCT position) FROM webinar_import_outcome WHERE import_id = ?").param(importId)
					.query(Long.class).single()).isEqualTo(PEOPLE);
				assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_record WHERE object_name = 'CampaignMember'").query(Long.class).single())
					.isGreaterThanOrEqualTo(PEOPLE);
			}
		}
	}

	private ConfigurableApplicationContext start(RunningSandbox sandbox) {
		return new SpringApplicationBuilder(SwitchboardApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("switchboard") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--switchboard.secrets.key-file=" + data.resolve("secret.key"), "--switchboard.webex.sandbox.enabled=false",
				"--switchboard.webex.base-url=" + sandbox.baseUrl() + "/v1", "--switchboard.embedded.notifications=false",
				"--switchboard.webinars.import.lease=PT2S", "--switchboard.webinars.import.poll=PT0.5S");
	}

	private static int processed(JdbcClient jdbc, String importId) {
		return jdbc.sql("SELECT processed FROM webinar_import WHERE id = ?").param(importId).query(Integer.class).single();
	}

	private static JsonNode generate(RunningSandbox sandbox) throws Exception {
		String body = "{\"hostEmail\":\"" + ADMIN + "\",\"title\":\"Restart\",\"start\":\"" + Instant.now().minus(1, ChronoUnit.DAYS)
			.truncatedTo(ChronoUnit.MINUTES) + "\",\"registrants\":" + PEOPLE + "}";
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/webinars"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}
}
