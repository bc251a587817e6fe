package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class MeetingsContractTests {

	private static final String HOST = Tokens.ADMIN;
	private static RunningSandbox sandbox;
	private static SandboxClient client;

	@BeforeAll
	static void start() throws Exception {
		sandbox = WebexSandbox.start(SandboxOptions.defaults().withPort(0));
		client = new SandboxClient(sandbox.baseUrl());
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void createsAMeetingWithWebexFields() throws Exception {
		JsonNode meeting = create("Quarterly review", "meeting");

		assertThat(meeting.get("id").asString()).matches("[0-9a-f]{32}");
		assertThat(meeting.get("meetingNumber").isString()).isTrue();
		assertThat(meeting.get("meetingType").asString()).isEqualTo("meetingSeries");
		assertThat(meeting.get("state").asString()).isIn("active", "inProgress", "expired");
		assertThat(meeting.get("scheduledType").asString()).isEqualTo("meeting");
		assertThat(meeting.get("webLink").asString()).startsWith("https://");
		assertThat(meeting.get("sipAddress").asString()).contains("@");
		assertThat(meeting.get("hostEmail").asString()).isEqualTo("admin@switchboard.test");
		assertThat(meeting.get("start").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
	}

	@Test
	void listsUpcomingOccurrencesInTheWindow() throws Exception {
		String id = create("Standup", "meeting").get("id").asString();
		JsonNode list = client.json(HOST, "GET", "/v1/meetings?meetingType=scheduledMeeting", null);

		assertThat(list.get("items")).anySatisfy(m -> {
			assertThat(m.get("meetingSeriesId").asString()).isEqualTo(id);
			assertThat(m.get("meetingType").asString()).isEqualTo("scheduledMeeting");
			assertThat(m.get("state").asString()).isEqualTo("scheduled");
		});
		assertThat(client.call(HOST, "GET", "/v1/meetings?meetingType=party", null).statusCode()).isEqualTo(400);
	}

	@Test
	void addsThousandsOfRegistrantsAndPagesThemWithLinks() throws Exception {
		String id = create("Launch webinar", "webinar").get("id").asString();
		assertThat(client.json(null, "POST", "/sandbox/meetings/" + id + "/registrants", "{\"count\":3000}").get("total").asInt()).isEqualTo(3000);

		List<JsonNode> all = new ArrayList<>();
		String next = "/v1/meetings/" + id + "/registrants?max=100";
		while (next != null) {
			var page = client.call(HOST, "GET", next, null);
			SandboxClient.JSON.readTree(page.body()).get("items").forEach(all::add);
			next = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
		}
		assertThat(all).hasSize(3000);
		assertThat(all.get(0).get("status").asString()).isIn("approved", "pending", "rejected");
		assertThat(all.get(0).get("email").asString()).contains("@");
	}

	@Test
	void reportsParticipantsAndRejectsBadMeetings() throws Exception {
		String id = create("Demo", "meeting").get("id").asString();
		client.call(null, "POST", "/sandbox/meetings/" + id + "/participants", "{\"count\":5}");

		JsonNode participants = client.json(HOST, "GET", "/v1/meetingParticipants?meetingId=" + id + "&max=100", null);
		assertThat(participants.get("items")).hasSize(5);
		assertThat(participants.get("items").get(0).get("state").asString()).isIn("lobby", "end", "joined", "breakoutSession");
		assertThat(client.call(HOST, "POST", "/v1/meetings", "{\"title\":\"x\",\"start\":\"tomorrow\",\"end\":\"later\"}").statusCode()).isEqualTo(400);
		assertThat(client.call(HOST, "GET", "/v1/meetings/ffffffffffffffffffffffffffffffff", null).statusCode()).isEqualTo(404);
		assertThat(client.call(Tokens.AGENT, "GET", "/v1/meetings/" + id, null).statusCode()).isEqualTo(404);
	}

	@Test
	void invitesPeopleToAMeeting() throws Exception {
		String id = create("Pricing call", "meeting").get("id").asString();
		JsonNode invitee = client.json(HOST, "POST", "/v1/meetingInvitees",
				"{\"meetingId\":\"" + id + "\",\"email\":\"rita@example.com\",\"displayName\":\"Rita Ramos\"}");

		assertThat(invitee.get("email").asString()).isEqualTo("rita@example.com");
		assertThat(invitee.get("coHost").isBoolean()).isTrue();
		assertThat(invitee.get("panelist").isBoolean()).isTrue();
		assertThat(invitee.get("meetingId").asString()).isEqualTo(id);
		assertThat(client.json(HOST, "GET", "/v1/meetingInvitees?meetingId=" + id, null).get("items")).hasSize(1);
		assertThat(client.call(HOST, "POST", "/v1/meetingInvitees", "{\"meetingId\":\"" + id + "\"}").statusCode()).isEqualTo(400);
	}

	private static JsonNode create(String title, String scheduledType) throws Exception {
		Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		return client.json(HOST, "POST", "/v1/meetings", "{\"title\":\"" + title + "\",\"start\":\"" + start + "\",\"end\":\""
				+ start.plus(30, ChronoUnit.MINUTES) + "\",\"scheduledType\":\"" + scheduledType + "\",\"timezone\":\"UTC\"}");
	}
}
