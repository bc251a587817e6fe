package org.switchboard.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.webex.RegisteredWebhook;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexWebhooks;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Meetings end to end: the server, the sandbox and its meetings webhooks over real HTTP. */
class MeetingsTests extends EmbeddedServerTest {

	private static final String ADMIN = ApiClient.ADMIN;
	private static final String AGENT = ApiClient.AGENT;
	private static final String VIEWER = ApiClient.VIEWER;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	CrmRecords records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebexAccounts accounts;

	@Autowired
	WebexWebhooks webhooks;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void restoreDefaultSettings() {
		jdbc.sql("DELETE FROM platform_setting WHERE section IN ('meetings', 'search')").update();
		jdbc.sql("DELETE FROM meeting_delegate").update();
	}

	@Test
	void schedulingFromAContactInvitesAContactAUserAndAnEmailAndReportsWebexsRefusalPerInvitee() {
		String contact = create("Contact", "{\"FirstName\":\"Rita\",\"LastName\":\"Ramos\",\"Email\":\"rita@example.com\"}");
		String colleague = create("Contact", "{\"LastName\":\"Colleague\",\"Email\":\"colleague@example.com\"}");
		String adminUser = userId(ADMIN);
		String start = inDays(2);

		ApiClient.Response created = api().send(AGENT, "POST", "/api/records/Contact/" + contact + "/meetings", """
				{"start":"%s","durationMinutes":45,"timezone":"Europe/Berlin","agenda":"Pricing",
				 "invitees":[{"object":"Contact","id":"%s"},{"object":"User","id":"%s"},{"email":"nobody@nowhere.invalid"}]}"""
			.formatted(start, colleague, adminUser));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode meeting = created.json();
		assertThat(meeting.get("title").asString()).as("defaults to the record's name").isEqualTo("Rita Ramos");
		assertThat(meeting.get("start").asString()).endsWith("+01:00");
		assertThat(Instant.parse(meeting.get("end").asString().replace("+01:00", "Z")).minus(1, ChronoUnit.HOURS))
			.isEqualTo(Instant.parse(start).plus(45, ChronoUnit.MINUTES));
		assertThat(meeting.get("webLink").asString()).startsWith("https://");
		assertThat(meeting.get("invited")).extracting(i -> i.get("email").asString())
			.containsExactlyInAnyOrder("colleague@example.com", "admin@switchboard.test");
		assertThat(meeting.get("notInvited")).hasSize(1);
		assertThat(meeting.get("notInvited").get(0).get("email").asString()).isEqualTo("nobody@nowhere.invalid");
		assertThat(meeting.get("notInvited").get(0).get("reason").asString()).contains("does not accept mail");

		String webexId = meeting.get("webexMeetingId").asString();
		JsonNode atWebex = webex("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/meetings/" + webexId);
		assertThat(atWebex.get("title").asString()).isEqualTo("Rita Ramos");
		assertThat(atWebex.get("timezone").asString()).isEqualTo("Europe/Berlin");
		assertThat(atWebex.get("agenda").asString()).isEqualTo("Pricing");
		assertThat(webex("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/meetingInvitees?meetingId=" + webexId).get("items"))
			.extracting(i -> i.get("email").asString()).containsExactlyInAnyOrder("colleague@example.com", "admin@switchboard.test");

		JsonNode listed = api().get(AGENT, "/api/records/Contact/" + contact + "/meetings?when=upcoming").json().get("meetings");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("meetingId").asString()).isEqualTo(meeting.get("meetingId").asString());
		assertThat(listed.get(0).get("hostEmail").asString()).isEqualTo(AGENT);
		assertThat(listed.get(0).get("state").asString()).isEqualTo("scheduled");
		assertThat(api().get(AGENT, "/api/records/Contact/" + contact + "/meetings?when=past").json().get("meetings")).isEmpty();

		JsonNode calendar = api().get(AGENT, "/api/meetings/calendar").json().get("meetings");
		JsonNode entry = find(calendar, webexId);
		assertThat(entry.get("webLink").asString()).startsWith("https://");
		assertThat(entry.get("record").get("id").asString()).isEqualTo(contact);
		assertThat(entry.get("record").get("name").asString()).isEqualTo("Rita Ramos");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsCreatedAtWebexOrHere() {
		String contact = create("Contact", "{\"LastName\":\"Careful\",\"Email\":\"careful@example.com\"}");
		String lead = create("Lead", "{\"LastName\":\"Lead\",\"Company\":\"Initech\"}");
		int atWebexBefore = agentMeetingsAtWebex();
		String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
		String future = inDays(1);
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 1001; i++) {
			many.append(i == 0 ? "" : ",").append("{\"email\":\"p").append(i).append("@example.com\"}");
		}

		assertRefused("/api/records/Contact/" + contact + "/meetings", "{\"start\":\"" + past + "\"}", "start");
		assertRefused("/api/records/Contact/" + contact + "/meetings",
				"{\"start\":\"" + future + "\",\"end\":\"" + Instant.parse(future).minus(1, ChronoUnit.HOURS) + "\"}", "end");
		assertRefused("/api/records/Contact/" + contact + "/meetings", "{\"start\":\"" + future + "\",\"durationMinutes\":5}", "durationMinutes");
		assertRefused("/api/records/Contact/" + contact + "/meetings", "{\"start\":\"" + future + "\",\"invitees\":[" + many + "]}", "invitees");
		assertRefused("/api/records/Contact/" + contact + "/meetings",
				"{\"start\":\"" + future + "\",\"invitees\":[{\"email\":\"not-an-email\"}]}", "invitees[0].email");
		assertRefused("/api/records/Contact/" + contact + "/meetings",
				"{\"start\":\"" + future + "\",\"invitees\":[{\"object\":\"Contact\",\"id\":\"" + lead + "\"}]}", "invitees[0].id");
		assertRefused("/api/records/Contact/" + lead + "/meetings", "{\"start\":\"" + future + "\"}", "id");
		assertRefused("/api/records/Contact/" + contact + "/meetings", "{\"start\":\"" + future + "\",\"timezone\":\"Mars/Olympus\"}", "timezone");

		assertThat(agentMeetingsAtWebex()).isEqualTo(atWebexBefore);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting WHERE record_id IN (?, ?)").params(contact, lead).query(Integer.class).single()).isZero();
	}

	@Test
	void aMeetingWebexRefusesStoresNothing() {
		String contact = create("Contact", "{\"LastName\":\"Refused\",\"Email\":\"refused@example.com\"}");
		int before = jdbc.sql("SELECT COUNT(*) FROM meeting").query(Integer.class).single();
		faults("{\"rate\":1.0,\"statuses\":[400],\"count\":1}");
		ApiClient.Response refused;
		try {
			refused = api().send(AGENT, "POST", "/api/records/Contact/" + contact + "/meetings", "{\"start\":\"" + inDays(1) + "\"}");
		}
		finally {
			faults(null);
		}
		assertThat(refused.status()).as("Webex's refusal answers as in every feature: " + refused.body()).isEqualTo(409);
		assertThat(refused.json().get("title").asString()).isEqualTo("Webex refused");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void theWindowsBoundWhatIsShownOnTheRecordAndInTheCalendar() {
		String contact = create("Contact", "{\"LastName\":\"Windowed\",\"Email\":\"windowed@example.com\"}");
		String soon = schedule(AGENT, contact, inDays(1)).get("webexMeetingId").asString();
		String later = schedule(AGENT, contact, inDays(5)).get("webexMeetingId").asString();

		assertThat(api().send(ADMIN, "PUT", "/api/admin/settings/meetings",
				"{\"logs\":{\"enabled\":true},\"pastDays\":7,\"upcomingDays\":3,\"enabledForAll\":false}").status()).isEqualTo(200);

		JsonNode upcoming = api().get(AGENT, "/api/records/Contact/" + contact + "/meetings?when=upcoming").json().get("meetings");
		assertThat(upcoming).extracting(m -> m.get("webexMeetingId").asString()).containsExactly(soon);
		JsonNode calendar = api().get(AGENT, "/api/meetings/calendar").json().get("meetings");
		assertThat(calendar).extracting(m -> m.get("meetingSeriesId").asString()).contains(soon).doesNotContain(later);

		assertThat(api().send(ADMIN, "PUT", "/api/admin/settings/meetings",
				"{\"logs\":{\"enabled\":true},\"pastDays\":7,\"upcomingDays\":366,\"enabledForAll\":false}").json()
			.get("errors").get(0).get("field").asString()).isEqualTo("upcomingDays");
		assertThat(api().send(ADMIN, "PUT", "/api/admin/settings/meetings",
				"{\"logs\":{\"enabled\":true},\"pastDays\":7,\"upcomingDays\":14,\"enabledForAll\":false}").status()).isEqualTo(200);
		assertThat(api().get(AGENT, "/api/meetings/calendar").json().get("meetings"))
			.extracting(m -> m.get("meetingSeriesId").asString()).contains(soon, later);
		assertThat(api().get(AGENT, "/api/records/Contact/" + contact + "/meetings?when=sometime").status()).isEqualTo(400);
	}

	@Test
	void enablingMeetingsForAllNeedsAWebexOrgAdminsSignIn() {
		String on = "{\"logs\":{\"enabled\":true},\"pastDays\":7,\"upcomingDays\":14,\"enabledForAll\":true}";
		String adminUser = userId(ADMIN);
		String agentUser = userId(AGENT);
		try {
			jdbc.sql("DELETE FROM webex_account WHERE user_id = ?").param(adminUser).update();
			ApiClient.Response notSignedIn = api().send(ADMIN, "PUT", "/api/admin/settings/meetings", on);
			assertThat(notSignedIn.status()).isEqualTo(409);
			assertThat(notSignedIn.json().get("detail").asString()).contains("Webex org admin");

			accounts.link(adminUser, "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee");
			assertThat(api().send(ADMIN, "PUT", "/api/admin/settings/meetings", on).status()).as("signed in, but not an org admin").isEqualTo(409);
			assertThat(api().get(ADMIN, "/api/admin/settings/meetings").json().get("enabledForAll").asBoolean()).isFalse();
		}
		finally {
			accounts.link(adminUser, "c2FuZGJveC10b2tlbi1hZG1pbg_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee");
			accounts.link(agentUser, "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee");
		}
		assertThat(api().send(ADMIN, "PUT", "/api/admin/settings/meetings", on).status()).isEqualTo(200);
		assertThat(api().get(ADMIN, "/api/admin/audit?limit=1").json().get(0).get("newValue").asString()).contains("\"enabledForAll\":true");

		// On for all: a user who has not signed in to Webex schedules, hosted by them through the admin's sign-in.
		String contact = create("Contact", "{\"LastName\":\"Delegated\",\"Email\":\"delegated@example.com\"}");
		try {
			jdbc.sql("DELETE FROM webex_account WHERE user_id = ?").param(agentUser).update();
			JsonNode meeting = schedule(AGENT, contact, inDays(1));
			JsonNode atWebex = webex("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/meetings/" + meeting.get("webexMeetingId").asString());
			assertThat(atWebex.get("hostEmail").asString()).isEqualTo(AGENT);
		}
		finally {
			accounts.link(agentUser, "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee");
		}
	}

	@Test
	void anEndedMeetingBecomesExactlyOneEventWithItsAttendeesEvenWithRepeatedAndEarlyEndedDeliveries() throws Exception {
		String contact = create("Contact", "{\"FirstName\":\"Omar\",\"LastName\":\"Okafor\",\"Email\":\"omar@example.com\"}");
		JsonNode meeting = schedule(AGENT, contact, inDays(1));
		String webexId = meeting.get("webexMeetingId").asString();

		String instanceId = sandbox("/sandbox/meetings/" + webexId + "/start", "{}").get("id").asString();
		sandbox("/sandbox/meetings/" + webexId + "/join", "{\"email\":\"omar@example.com\",\"displayName\":\"Omar Okafor\"}");
		// An `ended` that arrives before the meeting has ended (out of order): nothing is written yet.
		String early = envelope("ended", instanceId);
		assertThat(deliver(early)).contains("stored");
		// Proof it was handled: Webex was asked and the instance parked as still going on.
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endedStatus(instanceId), "waiting"::equals);
		assertThat(events(contact)).isEmpty();

		sandbox("/sandbox/meetings/" + webexId + "/leave", "{\"email\":\"omar@example.com\"}");
		sandbox("/sandbox/meetings/" + webexId + "/end", "{}");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> events(contact).size() == 1);

		// Redelivered, repeated and a late `started`: still one Event.
		assertThat(deliver(early)).contains("duplicate");
		assertThat(deliver(envelope("ended", instanceId))).contains("stored");
		assertThat(deliver(envelope("started", instanceId))).contains("stored");
		// The deliveries were handled in their own requests; "done" (not "pending") means nothing was queued again
		// or, if it was, its work has finished: a second Event would exist by now.
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endedStatus(instanceId), "done"::equals);
		List<CrmRecord> events = events(contact);
		assertThat(events).hasSize(1);
		CrmRecord event = records.get("Event", events.get(0).id(), List.of());
		assertThat(event.getString("Subject")).isEqualTo("Omar Okafor");
		assertThat(event.getString("WhoId")).isEqualTo(contact);
		assertThat(event.getString("Description")).contains("Omar Okafor <omar@example.com>").contains(AGENT + "> (host)")
			.contains("Attended (2)");
		assertThat(event.get("StartDateTime")).isNotNull();
		assertThat(event.get("EndDateTime")).isNotNull();

		JsonNode past = api().get(AGENT, "/api/records/Contact/" + contact + "/meetings?when=past").json().get("meetings");
		assertThat(past).hasSize(1);
		assertThat(past.get(0).get("state").asString()).isEqualTo("ended");
		assertThat(past.get(0).get("eventId").asString()).isEqualTo(event.id());
	}

	@Test
	void aMeetingOnAnOpportunityIsLoggedWithWhatIdAndTheContactInvited() {
		String opportunity = create("Opportunity", "{\"Name\":\"Umbrella deal\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2027-01-31\"}");
		String contact = create("Contact", "{\"LastName\":\"Buyer\",\"Email\":\"buyer@example.com\"}");
		ApiClient.Response created = api().send(AGENT, "POST", "/api/records/Opportunity/" + opportunity + "/meetings",
				"{\"start\":\"" + inDays(1) + "\",\"invitees\":[{\"object\":\"Contact\",\"id\":\"" + contact + "\"}]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String webexId = created.json().get("webexMeetingId").asString();
		sandbox("/sandbox/meetings/" + webexId + "/start", "{}");
		sandbox("/sandbox/meetings/" + webexId + "/end", "{}");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !records.related("Event", "WhatId", opportunity, 5).isEmpty());
		CrmRecord event = records.related("Event", "WhatId", opportunity, 5).get(0);
		assertThat(records.get("Event", event.id(), List.of("WhoId")).getString("WhoId")).isEqualTo(contact);
	}

	@Test
	void rescheduleAndCancelReachWebexAndOnlyTheHostMayDoThem() {
		String contact = create("Contact", "{\"LastName\":\"Moving\",\"Email\":\"moving@example.com\"}");
		JsonNode meeting = schedule(AGENT, contact, inDays(1));
		String meetingId = meeting.get("meetingId").asString();
		String webexId = meeting.get("webexMeetingId").asString();
		String newStart = inDays(3);

		assertThat(api().send(ADMIN, "PATCH", "/api/meetings/" + meetingId, "{\"title\":\"Hijacked\"}").status()).isEqualTo(403);
		assertThat(api().send(ADMIN, "DELETE", "/api/meetings/" + meetingId, null).status()).isEqualTo(403);
		assertThat(api().send(AGENT, "PATCH", "/api/meetings/" + meetingId, "{\"start\":\"2020-01-01T10:00:00Z\"}").json()
			.get("errors").get(0).get("field").asString()).isEqualTo("start");

		ApiClient.Response moved = api().send(AGENT, "PATCH", "/api/meetings/" + meetingId,
				"{\"title\":\"Moved review\",\"start\":\"" + newStart + "\",\"durationMinutes\":60}");
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		JsonNode atWebex = webex("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/meetings/" + webexId);
		assertThat(atWebex.get("title").asString()).isEqualTo("Moved review");
		assertThat(Instant.parse(atWebex.get("start").asString())).isEqualTo(Instant.parse(newStart));
		assertThat(Instant.parse(atWebex.get("end").asString())).isEqualTo(Instant.parse(newStart).plus(1, ChronoUnit.HOURS));

		assertThat(api().send(AGENT, "DELETE", "/api/meetings/" + meetingId, null).status()).isEqualTo(204);
		assertThat(webexStatus("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "/v1/meetings/" + webexId)).isEqualTo(404);
		assertThat(api().get(AGENT, "/api/records/Contact/" + contact + "/meetings").json().get("meetings")).isEmpty();
		assertThat(api().send(AGENT, "DELETE", "/api/meetings/" + meetingId, null).status()).isEqualTo(409);
		assertThat(api().send(AGENT, "DELETE", "/api/meetings/nosuchmeeting", null).status()).isEqualTo(404);
	}

	@Test
	void aViewerGets403AndTheSearchFollowsTheMeetingSearchToggles() {
		String contact = create("Contact", "{\"LastName\":\"Zebediah\",\"Email\":\"zeb@example.com\"}");
		create("Lead", "{\"LastName\":\"Zebediah\",\"Company\":\"Zed\",\"Email\":\"zeb.lead@example.com\"}");
		assertThat(api().send(VIEWER, "POST", "/api/records/Contact/" + contact + "/meetings", "{\"start\":\"" + inDays(1) + "\"}").status())
			.isEqualTo(403);
		assertThat(api().get(VIEWER, "/api/records/Contact/" + contact + "/meetings").status()).isEqualTo(403);
		assertThat(api().get(VIEWER, "/api/meetings/calendar").status()).isEqualTo(403);
		assertThat(api().get(VIEWER, "/api/meetings/search?q=Zeb").status()).isEqualTo(403);

		assertThat(api().get(AGENT, "/api/meetings/search?q=Zebediah").json().get("results"))
			.extracting(r -> r.get("object").asString()).contains("Contact", "Lead");
		api().send(ADMIN, "PUT", "/api/admin/settings/search", """
				{"dialer":{"contacts":true,"leads":true},"inbound":{"contacts":true,"leads":true},
				 "meeting":{"contacts":true,"leads":false},"space":{"contacts":true,"leads":true}}""");
		assertThat(api().get(AGENT, "/api/meetings/search?q=Zebediah").json().get("results"))
			.extracting(r -> r.get("object").asString()).contains("Contact").doesNotContain("Lead");
	}

	// --- helpers ---

	private JsonNode schedule(String user, String contact, String start) {
		ApiClient.Response created = api().send(user, "POST", "/api/records/Contact/" + contact + "/meetings", "{\"start\":\"" + start + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private void assertRefused(String path, String json, String field) {
		ApiClient.Response response = api().send(AGENT, "POST", path, json);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString()).contains(field);
	}

	private int agentMeetingsAtWebex() {
		return webex("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/meetings?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&max=100").get("items").size();
	}

	private List<CrmRecord> events(String contact) {
		return records.related("Event", "WhoId", contact, 10);
	}

	private String endedStatus(String instanceId) {
		return jdbc.sql("SELECT status FROM meeting_ended WHERE instance_id = ?").param(instanceId).query(String.class).optional()
			.orElse("absent");
	}

	private String envelope(String event, String instanceId) {
		RegisteredWebhook hook = webhooks.all().stream()
			.filter(w -> w.resource().equals("meetings") && w.ownerPersonId().equals(accounts.forUser(userId(AGENT)).orElseThrow().personId()))
			.findFirst().orElseThrow();
		return """
				{"id":"%s","name":"%s","targetUrl":"%s","resource":"meetings","event":"%s","orgId":"org","createdBy":"x","appId":"app",
				 "ownedBy":"creator","status":"active","created":"%s","actorId":"%s","data":{"id":"%s","meetingType":"meeting","delivery":"%s"}}"""
			.formatted(hook.id(), hook.name(), hook.targetUrl(), event, Instant.now(), hook.ownerPersonId(), instanceId, UUID.randomUUID());
	}

	private String deliver(String body) throws Exception {
		RegisteredWebhook hook = webhooks.all().stream().filter(w -> body.contains(w.id())).findFirst().orElseThrow();
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(webhooks.secretOf(hook.id()).orElseThrow().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/webex"))
			.header("Content-Type", "application/json").header("X-Spark-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static String inDays(int days) {
		return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private String userId(String username) {
		return records.findByField("User", "Username", username).get(0).id();
	}

	private String create(String object, String json) {
		ApiClient.Response created = api().send(ADMIN, "POST", "/api/records/" + object, json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static JsonNode find(JsonNode meetings, String seriesId) {
		for (JsonNode m : meetings) {
			if (seriesId.equals(m.get("meetingSeriesId").asString())) {
				return m;
			}
		}
		throw new AssertionError("no meeting " + seriesId + " in " + meetings);
	}

	private JsonNode webex(String token, String method, String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + path))
				.header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private int webexStatus(String token, String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + path))
				.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private void faults(String json) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + "/sandbox/faults"));
			http.send(json == null ? request.DELETE().build()
					: request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
