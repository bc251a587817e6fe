package org.switchboard.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.meetings.scheduling.MeetingScheduling;
import org.switchboard.meetings.scheduling.ScheduleRequest;
import org.switchboard.meetings.scheduling.ScheduledMeeting;

import tools.jackson.databind.json.JsonMapper;

/**
 * Meetings on the embedded default (bundled sandbox, real HTTP both ways): (1) meeting logs — for N meetings tied to
 * Contacts, started and ended in the sandbox one after another, the time from asking the sandbox to end the meeting
 * (it then delivers the signed {@code meetings}/{@code ended} webhook) until the meeting's Event is committed; (2) the
 * calendar panel's answer time ({@code GET /api/meetings/calendar}) with M meetings tied to records in the window.
 */
final class MeetingsBenchmark {

	private static final String AGENT = "agent@switchboard.test";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MeetingsBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int ended = options.integer("ended", 200);
		int inWindow = options.integer("meetings", 2000);
		int calls = options.integer("calls", 50);
		for (String kind : options.databases()) {
			run(kind, ended, inWindow, calls);
		}
	}

	private static void run(String kind, int ended, int inWindow, int calls) throws Exception {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		BenchDatabase database = BenchDatabase.create(kind);
		int sandboxPort = freePort();
		Map<String, Object> server = Map.of("server.port", "0", "switchboard.demo.enabled", "true",
				"switchboard.webex.sandbox.enabled", "true", "switchboard.webex.sandbox.port", sandboxPort,
				"switchboard.webex.base-url", "http://localhost:" + sandboxPort + "/v1", "switchboard.embedded.notifications", "false");
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, server)) {
			System.out.printf("%n== %s: %d meetings ended one by one; calendar with %,d meetings in the window, %d calls ==%n",
					kind, ended, inWindow, calls);
			CrmRecords records = context.getBean(CrmRecords.class);
			MeetingScheduling scheduling = context.getBean(MeetingScheduling.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String agent = records.findByField("User", "Username", AGENT).get(0).id();
			List<CrmRecord> contacts = records.find("Contact", "", 500);
			HttpClient http = HttpClient.newHttpClient();
			String sandbox = "http://localhost:" + sandboxPort;

			Latencies logs = new Latencies(ended);
			for (int i = 0; i < ended; i++) {
				CrmRecord contact = contacts.get(i % contacts.size());
				ScheduledMeeting meeting = scheduling.schedule(agent, "Contact", contact.id(), request(Instant.now().plus(1, ChronoUnit.DAYS)));
				post(http, sandbox + "/sandbox/meetings/" + meeting.webexMeetingId() + "/start", "{}");
				post(http, sandbox + "/sandbox/meetings/" + meeting.webexMeetingId() + "/join", "{\"email\":\"guest" + i + "@example.com\"}");
				long start = System.nanoTime();
				post(http, sandbox + "/sandbox/meetings/" + meeting.webexMeetingId() + "/end", "{}");
				while (jdbc.sql("SELECT event_id FROM meeting WHERE id = ?").param(meeting.meetingId()).query(String.class).optional()
					.filter(java.util.Objects::nonNull).isEmpty()) {
					if (System.nanoTime() - start > 30_000_000_000L) {
						throw new IllegalStateException("No Event for meeting " + meeting.meetingId() + " after 30 s");
					}
					Thread.sleep(0, 200_000);
				}
				logs.add(System.nanoTime() - start);
			}
			System.out.println("ended webhook -> Event committed: " + logs.summary());

			long scheduleStart = System.nanoTime();
			for (int i = 0; i < inWindow; i++) {
				CrmRecord contact = contacts.get(i % contacts.size());
				scheduling.schedule(agent, "Contact", contact.id(), request(Instant.now().plus(1, ChronoUnit.HOURS).plus(i * 9L, ChronoUnit.MINUTES)));
			}
			System.out.printf("scheduled %,d meetings in %.1f s%n", inWindow, (System.nanoTime() - scheduleStart) / 1e9);
			String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/api/meetings/calendar";
			HttpRequest calendar = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((AGENT + ":switchboard").getBytes(StandardCharsets.UTF_8)))
				.build();
			int shown = 0;
			for (int i = 0; i < 3; i++) {
				shown = JSON.readTree(http.send(calendar, HttpResponse.BodyHandlers.ofString()).body()).get("meetings").size();
			}
			Latencies answers = new Latencies(calls);
			for (int i = 0; i < calls; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = http.send(calendar, HttpResponse.BodyHandlers.ofString());
				answers.add(System.nanoTime() - start);
				if (response.statusCode() != 200) {
					throw new IllegalStateException("calendar answered " + response.statusCode() + ": " + response.body());
				}
			}
			System.out.printf("calendar panel (%,d meetings shown): %s%n", shown, answers.summary());
		}
		finally {
			database.drop();
		}
	}

	private static ScheduleRequest request(Instant start) {
		return new ScheduleRequest(null, start.truncatedTo(ChronoUnit.MINUTES).toString(), null, 30, "UTC", null, new ArrayList<>());
	}

	private static void post(HttpClient http, String url, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
