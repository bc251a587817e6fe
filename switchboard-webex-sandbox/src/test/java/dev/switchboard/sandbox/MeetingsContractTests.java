package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

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
		assertThat(meeting.get("start").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00Z");
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
	void aWebinarThatRanThreeTimesListsItsEndedInstancesAndItsSeriesIdAnswersTheLastOnesParticipantsOnly() throws Exception {
		Instant start = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		JsonNode webinar = client.json(null, "POST", "/sandbox/webinars", "{\"hostEmail\":\"admin@switchboard.test\",\"start\":\"" + start
				+ "\",\"registrants\":6,\"attendees\":6,\"occurrences\":3}");
		String id = webinar.get("id").asString();
		assertThat(webinar.get("recurrence").asString()).isEqualTo("FREQ=DAILY;INTERVAL=1;COUNT=3");

		JsonNode ended = client.json(HOST, "GET", "/v1/meetings?meetingType=meeting&state=ended&meetingSeriesId=" + id + "&from="
				+ start.minus(1, ChronoUnit.DAYS) + "&to=" + Instant.now(), null).get("items");
		assertThat(ended).hasSize(3).allSatisfy(i -> assertThat(i.get("id").asString()).startsWith(id + "_I_"));
		JsonNode first = client.json(HOST, "GET", "/v1/meetingParticipants?meetingId=" + ended.get(0).get("id").asString(), null).get("items");
		JsonNode last = client.json(HOST, "GET", "/v1/meetingParticipants?meetingId=" + ended.get(2).get("id").asString(), null).get("items");
		JsonNode bySeries = client.json(HOST, "GET", "/v1/meetingParticipants?meetingId=" + id, null).get("items");
		JsonNode bySeriesInRange = client.json(HOST, "GET", "/v1/meetingParticipants?meetingId=" + id + "&meetingStartTimeFrom="
				+ start.minus(1, ChronoUnit.HOURS) + "&meetingStartTimeTo=" + start.plus(1, ChronoUnit.HOURS), null).get("items");

		assertThat(emails(first)).containsExactly("person0", "person3");
		assertThat(emails(last)).containsExactly("person0", "person2", "person5");
		assertThat(emails(bySeries)).isEqualTo(emails(last));
		assertThat(emails(bySeriesInRange)).isEqualTo(emails(first));
		assertThat(client.call(null, "POST", "/sandbox/webinars", "{\"hostEmail\":\"admin@switchboard.test\",\"start\":\""
				+ Instant.now().plus(1, ChronoUnit.DAYS) + "\",\"attendees\":2}").statusCode()).as("attendees of a webinar not yet held").isEqualTo(400);
		assertThat(client.call(null, "POST", "/sandbox/webinars", "{\"hostEmail\":\"admin@switchboard.test\",\"occurrences\":0}").statusCode())
			.isEqualTo(400);
	}

	private static List<String> emails(JsonNode participants) {
		List<String> emails = new ArrayList<>();
		participants.forEach(p -> emails.add(p.get("email").asString().substring(0, p.get("email").asString().indexOf('@'))));
		return emails;
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
				+ start.plus(30, ChronoUnit.MINUTES) + "\",\"scheduledType\":\"" + scheduledType + "\",\"timezone\":\"UTC\""
				+ (scheduledType.equals("webinar") ? ",\"sessionTypeId\":\"9\"" : "") + "}");
	}

	@Test
	void keepsTheStartToTheMinuteInTheMeetingsTimeZoneAndRefusesOneInThePast() throws Exception {
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).plusSeconds(37);
		JsonNode meeting = client.json(HOST, "POST", "/v1/meetings", "{\"title\":\"Tokyo sync\",\"start\":\"" + start
				+ "\",\"end\":\"" + start.plus(1, ChronoUnit.HOURS) + "\",\"timezone\":\"Asia/Tokyo\"}");
		assertThat(meeting.get("timezone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(meeting.get("start").asString()).endsWith(":00+09:00");
		assertThat(java.time.OffsetDateTime.parse(meeting.get("start").asString()).toInstant()).isEqualTo(start.truncatedTo(ChronoUnit.MINUTES));
		JsonNode inLondon = SandboxClient.JSON.readTree(client.call(HOST, "GET", "/v1/meetings/" + meeting.get("id").asString(), null,
				"timezone", "Europe/London").body());
		assertThat(java.time.OffsetDateTime.parse(inLondon.get("start").asString()).toInstant()).isEqualTo(start.truncatedTo(ChronoUnit.MINUTES));

		Instant past = Instant.now().minus(5, ChronoUnit.MINUTES);
		var refused = client.call(HOST, "POST", "/v1/meetings", "{\"title\":\"Too late\",\"start\":\"" + past + "\",\"end\":\""
				+ past.plus(1, ChronoUnit.HOURS) + "\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("start cannot be earlier");
		assertThat(client.call(HOST, "POST", "/v1/meetings", "{\"title\":\"x\",\"start\":\"" + start + "\",\"end\":\""
				+ start.plus(1, ChronoUnit.HOURS) + "\",\"timezone\":\"Mars/Olympus\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void aWebinarNeedsAWebinarSessionType() throws Exception {
		JsonNode types = client.json(HOST, "GET", "/v1/meetings/sessionTypes", null);
		assertThat(types.get("items").findValuesAsString("type")).contains("meeting", "webinar");
		Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
		String body = "{\"title\":\"Launch\",\"start\":\"" + start + "\",\"end\":\"" + start.plus(1, ChronoUnit.HOURS)
				+ "\",\"scheduledType\":\"webinar\"";
		assertThat(client.call(HOST, "POST", "/v1/meetings", body + "}").statusCode()).isEqualTo(400);
		assertThat(client.call(HOST, "POST", "/v1/meetings", body + ",\"sessionTypeId\":\"3\"}").statusCode()).isEqualTo(400);
		JsonNode webinar = client.json(HOST, "POST", "/v1/meetings", body + ",\"sessionTypeId\":\"9\"}");
		assertThat(webinar.get("scheduledType").asString()).isEqualTo("webinar");
		assertThat(webinar.get("sessionTypeId").asString()).isEqualTo("9");
		assertThat(webinar.get("registerLink").asString()).startsWith("https://");
	}

	@Test
	void playsAMeetingsLifeWithWebhooksAndParticipants() throws Exception {
		BlockingQueue<JsonNode> deliveries = new LinkedBlockingQueue<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			deliveries.add(SandboxClient.JSON.readTree(exchange.getRequestBody().readAllBytes()));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
			JsonNode hook = client.json(HOST, "POST", "/v1/webhooks", "{\"name\":\"m\",\"targetUrl\":\"" + target
					+ "\",\"resource\":\"meetings\",\"event\":\"all\"}");
			String id = create("Life", "meeting").get("id").asString();
			assertThat(next(deliveries).get("event").asString()).isEqualTo("created");
			JsonNode updated = client.json(HOST, "PATCH", "/v1/meetings/" + id, "{\"title\":\"Life, renamed\"}");
			assertThat(updated.get("title").asString()).isEqualTo("Life, renamed");
			assertThat(next(deliveries).get("event").asString()).isEqualTo("updated");

			JsonNode started = client.json(null, "POST", "/sandbox/meetings/" + id + "/start", null);
			String instanceId = started.get("id").asString();
			assertThat(instanceId).startsWith(id + "_I_");
			assertThat(started.get("state").asString()).isEqualTo("inProgress");
			JsonNode startedEvent = next(deliveries);
			assertThat(startedEvent.get("event").asString()).isEqualTo("started");
			assertThat(startedEvent.get("data").get("meetingSeriesId").asString()).isEqualTo(id);
			assertThat(client.call(HOST, "PATCH", "/v1/meetings/" + id, "{\"title\":\"too late\"}").statusCode()).isEqualTo(400);

			client.json(null, "POST", "/sandbox/meetings/" + id + "/join", "{\"email\":\"rita@example.com\",\"displayName\":\"Rita Ramos\"}");
			assertThat(client.call(null, "POST", "/sandbox/meetings/" + id + "/join", "{\"email\":\"rita@example.com\"}").statusCode()).isEqualTo(409);
			client.json(null, "POST", "/sandbox/meetings/" + id + "/join", "{\"email\":\"sam@example.com\",\"displayName\":\"Sam\"}");
			JsonNode live = client.json(HOST, "GET", "/v1/meetingParticipants?meetingId=" + id, null);
			assertThat(live.get("items").findValuesAsString("state")).containsOnly("joined");
			assertThat(live.get("items")).hasSize(3);
			client.json(null, "POST", "/sandbox/meetings/" + id + "/leave", "{\"email\":\"sam@example.com\"}");

			JsonNode ended = client.json(null, "POST", "/sandbox/meetings/" + id + "/end", null);
			assertThat(ended.get("state").asString()).isEqualTo("ended");
			JsonNode endedEvent = next(deliveries);
			assertThat(endedEvent.get("event").asString()).isEqualTo("ended");
			assertThat(endedEvent.get("data").get("id").asString()).isEqualTo(instanceId);
			assertThat(client.call(null, "POST", "/sandbox/meetings/" + id + "/end", null).statusCode()).isEqualTo(409);

			JsonNode attended = client.json(HOST, "GET", "/v1/meetingParticipants?meetingId=" + instanceId, null);
			assertThat(attended.get("items").findValuesAsString("email")).containsExactlyInAnyOrder("admin@switchboard.test",
					"rita@example.com", "sam@example.com");
			assertThat(attended.get("items").findValuesAsString("state")).containsOnly("end");
			JsonNode past = client.json(HOST, "GET", "/v1/meetings?meetingType=meeting&state=ended", null);
			assertThat(past.get("items").findValuesAsString("id")).contains(instanceId);
			assertThat(client.json(HOST, "GET", "/v1/meetings/" + instanceId, null).get("meetingSeriesId").asString()).isEqualTo(id);

			String other = create("Doomed", "meeting").get("id").asString();
			next(deliveries);
			assertThat(client.call(HOST, "DELETE", "/v1/meetings/" + other, null).statusCode()).isEqualTo(204);
			assertThat(next(deliveries).get("event").asString()).isEqualTo("deleted");
			client.call(HOST, "DELETE", "/v1/webhooks/" + hook.get("id").asString(), null);
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	void refusesInviteesWebexWouldNotInvite() throws Exception {
		String id = create("Invites", "meeting").get("id").asString();
		assertThat(client.call(HOST, "POST", "/v1/meetingInvitees", "{\"meetingId\":\"" + id + "\",\"email\":\"nobody@nowhere.invalid\"}")
			.statusCode()).isEqualTo(400);
		assertThat(client.call(HOST, "POST", "/v1/meetingInvitees", "{\"meetingId\":\"" + id + "\",\"email\":\"admin@switchboard.test\"}")
			.statusCode()).isEqualTo(400);
		assertThat(client.call(HOST, "POST", "/v1/meetingInvitees", "{\"meetingId\":\"" + id + "\",\"email\":\"ok@example.com\"}")
			.statusCode()).isEqualTo(200);
		assertThat(client.call(HOST, "POST", "/v1/meetingInvitees", "{\"meetingId\":\"" + id + "\",\"email\":\"OK@example.com\"}")
			.statusCode()).isEqualTo(409);
	}

	private static JsonNode next(BlockingQueue<JsonNode> deliveries) throws InterruptedException {
		JsonNode delivery = deliveries.poll(10, TimeUnit.SECONDS);
		assertThat(delivery).as("a meetings webhook delivery").isNotNull();
		return delivery;
	}
}
