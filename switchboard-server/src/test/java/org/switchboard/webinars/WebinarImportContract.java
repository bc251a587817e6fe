package org.switchboard.webinars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.support.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * The webinar import end to end (server, sandbox, CRM store over real HTTP), run on H2 and on PostgreSQL: each
 * subclass registers the embedded default with its own database and sandbox port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.embedded.notifications=false")
abstract class WebinarImportContract {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	@LocalServerPort
	int port;

	static final String ADMIN = ApiClient.ADMIN;

	@Autowired
	CrmRecords records;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsEachPersonOnceWithTheirRolesSkipsThoseWithoutAKeyAndChangesNothingTheSecondTime() {
		JsonNode webinar = generate("\"registrants\":30,\"invitees\":10,\"attendees\":5,\"withoutEmail\":2", -3);
		String domain = webinar.get("generated").get("domain").asString();
		leadMapping("fillBlanks", false, "both");
		String campaign = records.create("Campaign", java.util.Map.of("Name", "Webinar " + domain), null).id();

		JsonNode first = importAndWait(webinar, "Lead", campaign);

		// registrants 2..29 with email, 2 registrants without email (skipped), persons 0 and 1 as invitees/attendees with
		// email but no company, which a Lead requires (failed, the others still imported)
		assertThat(first.get("state").asString()).isEqualTo("done");
		assertThat(first.get("total").asInt()).isEqualTo(32);
		assertThat(first.get("created").asInt()).isEqualTo(28);
		assertThat(first.get("skipped").asInt()).isEqualTo(2);
		assertThat(first.get("failed").asInt()).isEqualTo(2);
		List<CrmRecord> person2 = records.findByField("Lead", "Email", "person2@" + domain);
		assertThat(person2).hasSize(1);
		assertThat(person2.get(0).getString("FirstName")).isEqualTo("First2");
		assertThat(person2.get(0).getString("Company")).isEqualTo("Company 2");
		List<CrmRecord> members = records.findAllByField("CampaignMember", "LeadId", List.of(person2.get(0).id()));
		assertThat(members).hasSize(1);
		assertThat(members.get(0).getString("Status")).isEqualTo("Attended");
		assertThat(members.get(0).getString("CampaignId")).isEqualTo(campaign);
		CrmRecord webinarMember = records.findAllByField(WebinarMemberObject.NAME, "Lead__c", List.of(person2.get(0).id())).get(0);
		assertThat(webinarMember.get("Invited__c")).isEqualTo(true);
		assertThat(webinarMember.get("Registered__c")).isEqualTo(true);
		assertThat(webinarMember.get("Attended__c")).isEqualTo(true);
		assertThat(webinarMember.getString("Role__c")).isEqualTo("attendee");
		assertThat(((Number) webinarMember.get("Minutes__c")).intValue()).isEqualTo(60 - 2 - 2);
		assertThat(records.findAllByField("CampaignMember", "LeadId", List.of(records.findByField("Lead", "Email", "person20@" + domain)
			.get(0).id())).get(0).getString("Status")).isEqualTo("Registered");
		ApiClient.Response report = api().get(ADMIN, "/api/imports/" + first.get("importId").asString() + "/report.csv");
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.contentType()).startsWith("text/csv");
		assertThat(report.body().lines()).hasSize(33).first().isEqualTo("key,outcome,recordId,reason");
		assertThat(report.body()).contains("no email for the primary key Email").contains("\"person0@" + domain + "\",failed,,\"Company is required\"");

		long leads = count("Lead");
		long campaignMembers = count("CampaignMember");
		JsonNode second = importAndWait(webinar, "Lead", campaign);
		assertThat(second.get("created").asInt()).isZero();
		assertThat(second.get("updated").asInt()).isZero();
		assertThat(second.get("skipped").asInt()).isEqualTo(30);
		assertThat(second.get("failed").asInt()).isEqualTo(2);
		assertThat(count("Lead")).isEqualTo(leads);
		assertThat(count("CampaignMember")).isEqualTo(campaignMembers);
	}

	// --- helpers ---

	abstract int sandboxPort();

	ApiClient api() {
		return new ApiClient(port);
	}

	/** Calls the sandbox's own control endpoints (/sandbox/...), returning the JSON answer. */
	JsonNode sandbox(String method, String path, String json) {
		try {
			java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
					java.net.URI.create("http://localhost:" + sandboxPort() + path))
				.header("Content-Type", "application/json")
				.method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(json))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException("Sandbox " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	JsonNode generate(String people, int daysFromNow) {
		Instant start = Instant.now().plus(Duration.ofDays(daysFromNow)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		return sandbox("POST", "/sandbox/webinars", "{\"hostEmail\":\"" + ADMIN + "\",\"title\":\"Webinar " + UUID.randomUUID().toString().substring(0, 8)
				+ "\",\"start\":\"" + start + "\"," + people + "}");
	}

	void leadMapping(String mergePolicy, boolean insertNew, String campaignLink) {
		ApiClient.Response saved = api().send(ADMIN, "PUT", "/api/admin/webinars/mappings/Lead?confirm=true", """
				{"primaryKey":"Email","insertNewPerWebinar":%s,"mergePolicy":"%s","campaignLink":"%s",
				 "fields":{"FirstName":"firstName","LastName":"lastName","Email":"email","Company":"companyName","Title":"jobTitle","Phone":"phoneNumber"}}"""
			.formatted(insertNew, mergePolicy, campaignLink));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
	}

	JsonNode importAndWait(JsonNode webinar, String object, String campaign) {
		ApiClient.Response started = api().send(ADMIN, "POST", "/api/webinars/" + webinar.get("id").asString() + "/imports",
				"{\"object\":\"" + object + "\",\"people\":[\"invitees\",\"registrants\",\"attendees\"]"
						+ (campaign == null ? "" : ",\"campaignId\":\"" + campaign + "\"") + "}");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		return await(started.json().get("importId").asString());
	}

	JsonNode await(String importId) {
		return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
			.until(() -> api().get(ADMIN, "/api/imports/" + importId).json(), j -> List.of("done", "failed").contains(j.get("state").asString()));
	}

	long count(String object) {
		return jdbc.sql("SELECT COUNT(*) FROM crm_record WHERE object_name = ?").param(object).query(Long.class).single();
	}
}
