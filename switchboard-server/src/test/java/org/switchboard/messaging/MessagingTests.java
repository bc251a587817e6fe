package org.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.SseClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Messaging end to end: the server, the sandbox and the SSE stream over real HTTP, as the browser and Webex use them. */
class MessagingTests extends EmbeddedServerTest {

	private static final String ADMIN = ApiClient.ADMIN;
	private static final String AGENT = ApiClient.AGENT;
	private static final String VIEWER = ApiClient.VIEWER;
	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	CrmRecords records;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void restoreDefaultSettings() {
		jdbc.sql("DELETE FROM platform_setting WHERE section IN ('chat', 'search')").update();
	}

	@Test
	void aSpaceForAnOpportunityHasTheChosenMembersAndReportsWhoCouldNotBeAdded() {
		String opportunity = opportunity("Globex renewal");
		String contact = create("Contact", "{\"LastName\":\"Viewer-Contact\",\"Email\":\"viewer@switchboard.test\"}");
		String agentUser = records.findByField("User", "Username", AGENT).get(0).id();

		ApiClient.Response created = post(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces", """
				{"members":[{"object":"Contact","id":"%s"},{"object":"User","id":"%s"},{"email":"nobody@example.com"}]}"""
			.formatted(contact, agentUser));

		assertThat(created.status()).isEqualTo(201);
		JsonNode space = created.json();
		assertThat(space.get("title").asString()).as("defaults to the record's name").isEqualTo("Globex renewal");
		assertThat(space.get("added")).extracting(a -> a.get("email").asString())
			.containsExactlyInAnyOrder("viewer@switchboard.test", "agent@switchboard.test");
		assertThat(space.get("notAdded")).hasSize(1);
		assertThat(space.get("notAdded").get(0).get("email").asString()).isEqualTo("nobody@example.com");
		assertThat(space.get("notAdded").get(0).get("reason").asString()).contains("No Webex account");

		String roomId = space.get("roomId").asString();
		assertThat(webex("c2FuZGJveC10b2tlbi1hZG1pbg_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/rooms/" + roomId, null).get("title").asString()).isEqualTo("Globex renewal");
		assertThat(webex("c2FuZGJveC10b2tlbi1hZG1pbg_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/memberships?roomId=" + roomId, null).get("items"))
			.extracting(m -> m.get("personEmail").asString())
			.containsExactlyInAnyOrder("admin@switchboard.test", "viewer@switchboard.test", "agent@switchboard.test");

		JsonNode listed = api().get(AGENT, "/api/records/Opportunity/" + opportunity + "/spaces").json().get("spaces");
		assertThat(listed).extracting(s -> s.get("spaceId").asString()).containsExactly(space.get("spaceId").asString());
		assertThat(listed.get(0).get("roomId").asString()).isEqualTo(roomId);
	}

	@Test
	void aRecordMayHaveSeveralSpacesBadMembersCreateNothingAndASpaceCanBeUnlinked() {
		String opportunity = opportunity("Initech expansion");
		assertThat(post(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces", "{\"title\":\"Pricing\"}").status()).isEqualTo(201);
		assertThat(post(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces", "{\"title\":\"Legal\"}").status()).isEqualTo(201);
		int roomsBefore = webex("c2FuZGJveC10b2tlbi1hZG1pbg_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/rooms", null).get("items").size();

		ApiClient.Response bad = post(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces",
				"{\"title\":\"Broken\",\"members\":[{\"email\":\"not an email\"},{\"object\":\"Account\",\"id\":\"001000000000001\"},{\"object\":\"Contact\",\"id\":\"003000000000999\"}]}");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString())
			.containsExactly("members[0].email", "members[1].object", "members[2].id");
		assertThat(webex("c2FuZGJveC10b2tlbi1hZG1pbg_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/rooms", null).get("items")).as("no room created").hasSize(roomsBefore);
		assertThat(api().get(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces").json().get("spaces"))
			.extracting(s -> s.get("title").asString()).containsExactly("Pricing", "Legal");
		assertThat(post(ADMIN, "/api/records/Opportunity/006000000000999/spaces", "{}").status()).as("unknown record").isEqualTo(404);

		String legal = api().get(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces").json().get("spaces").get(1).get("spaceId").asString();
		assertThat(api().send(ADMIN, "DELETE", "/api/spaces/" + legal, null).status()).isEqualTo(204);
		assertThat(api().get(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces").json().get("spaces"))
			.extracting(s -> s.get("title").asString()).containsExactly("Pricing");
		assertThat(api().get(ADMIN, "/api/spaces/" + legal + "/messages").status()).as("unlinked").isEqualTo(404);
	}

	@Test
	void onlyMembersOfASpaceOrWebexAdminsSeeItOnTheRecordAndUntieIt() {
		String opportunity = opportunity("Hooli private deal");
		String adminsOnly = post(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces", "{\"title\":\"Admins only\"}")
			.json().get("spaceId").asString();
		String agents = post(AGENT, "/api/records/Opportunity/" + opportunity + "/spaces", "{\"title\":\"Agent's\"}")
			.json().get("spaceId").asString();

		assertThat(api().get(AGENT, "/api/records/Opportunity/" + opportunity + "/spaces").json().get("spaces"))
			.extracting(s -> s.get("spaceId").asString()).containsExactly(agents);
		assertThat(api().get(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces").json().get("spaces")).hasSize(2);
		assertThat(page(AGENT, "/records/Opportunity/" + opportunity)).contains("Agent&#39;s").doesNotContain("Admins only");

		assertThat(api().send(AGENT, "DELETE", "/api/spaces/" + adminsOnly, null).status()).isEqualTo(403);
		assertThat(api().get(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces").json().get("spaces")).hasSize(2);
		assertThat(api().send(AGENT, "DELETE", "/api/spaces/" + agents, null).status()).isEqualTo(204);
		assertThat(api().send(ADMIN, "DELETE", "/api/spaces/" + adminsOnly, null).status()).isEqualTo(204);
		assertThat(api().get(ADMIN, "/api/records/Opportunity/" + opportunity + "/spaces").json().get("spaces")).isEmpty();
	}

	@Test
	void postsTextMarkdownAndAFileThenPagesNewestFirstAndDownloadsTheSameBytes() throws Exception {
		String spaceId = space(ADMIN, "Paging", "agent@switchboard.test");
		String base = "/api/spaces/" + spaceId + "/messages";

		assertThat(post(ADMIN, base, "{\"text\":\"first, plain\"}").status()).isEqualTo(201);
		ApiClient.Response markdown = post(ADMIN, base, "{\"markdown\":\"**second** with [a link](https://example.com)\"}");
		assertThat(markdown.status()).isEqualTo(201);
		assertThat(markdown.json().get("html").asString()).contains("<strong>second</strong>")
			.contains("href=\"https://example.com\"").contains("rel=\"nofollow noopener noreferrer\"");
		byte[] content = ("quote line 1\nquote line 2 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> file = multipart(AGENT, base, "quote.txt", content, "third, the quote");
		assertThat(file.statusCode()).isEqualTo(201);
		JsonNode posted = JSON.readTree(file.body());
		assertThat(posted.get("text").asString()).isEqualTo("third, the quote");
		assertThat(posted.get("files")).hasSize(1);

		JsonNode page = api().get(AGENT, base + "?max=2").json();
		assertThat(page.get("messages")).extracting(m -> m.get("text").asString()).as("Webex's text of a markdown message is its plain rendering")
			.containsExactly("third, the quote", "second with a link");
		assertThat(page.get("messages").get(1).get("markdown").asString()).isEqualTo("**second** with [a link](https://example.com)");
		JsonNode earlier = api().get(AGENT, base + "?max=2&before=" + page.get("before").asString()).json();
		assertThat(earlier.get("messages")).extracting(m -> m.get("text").asString()).containsExactly("first, plain");
		assertThat(earlier.get("before").isNull()).as("nothing earlier").isTrue();

		HttpResponse<byte[]> download = http.send(authorized(ADMIN, posted.get("files").get(0).get("url").asString()).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(content);
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains("quote.txt");
		assertThat(api().get(ADMIN, "/api/messaging/messages/" + posted.get("id").asString() + "/files/1").status()).isEqualTo(404);
	}

	@Test
	void scriptAndMarkupInAMessageComeBackInert() {
		String spaceId = space(ADMIN, "Inert", null);
		String base = "/api/spaces/" + spaceId + "/messages";
		post(ADMIN, base, "{\"text\":\"<script>alert('text')</script>\"}");
		post(ADMIN, base, "{\"markdown\":\"<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) ![p](http://evil.test/p.png)\"}");

		JsonNode messages = api().get(ADMIN, base).json().get("messages");
		String html = messages.get(0).get("html").asString() + messages.get(1).get("html").asString();
		assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:")
			.contains("&lt;script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
		assertThat(messages.get(0).get("html").asString()).as("images become links").contains("<a href=\"http://evil.test/p.png\"");
	}

	@Test
	void aMessageSomeoneElsePostsArrivesLiveOnTheEventStream() {
		String spaceId = space(ADMIN, "Live", "agent@switchboard.test");
		String roomId = roomOf(spaceId);
		try (SseClient events = new SseClient(port, ADMIN, "/api/messaging/events")) {
			Awaitility.await().atMost(WAIT).until(() -> events.status() == 200);
			String text = "from the agent's own Webex app " + UUID.randomUUID();
			webex("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "POST", "/v1/messages", "{\"roomId\":\"" + roomId + "\",\"markdown\":\"" + text + "\"}");

			SseClient.Event event = events.next(m -> text.equals(m.path("text").asString()), WAIT);
			assertThat(event.name()).isEqualTo("message");
			assertThat(event.data().get("roomId").asString()).isEqualTo(roomId);
			assertThat(event.data().get("personEmail").asString()).isEqualTo("agent@switchboard.test");
			assertThat(event.data().get("personName").asString()).as("the author's Webex display name").isNotBlank().isNotEqualTo("agent@switchboard.test");
			assertThat(event.data().get("html").asString()).contains(text);
		}
	}

	@Test
	void refusesWhatItShouldWithProblemDetails() throws Exception {
		String spaceId = space(ADMIN, "Refusals", null);
		String base = "/api/spaces/" + spaceId + "/messages";
		int before = sandboxMessages(spaceId);

		ApiClient.Response tooLong = post(ADMIN, base, "{\"text\":\"" + "é".repeat(3720) + "\"}");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("7440 bytes").contains("7439");
		ApiClient.Response empty = post(ADMIN, base, "{\"markdown\":\"  \"}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(sandboxMessages(spaceId)).as("nothing posted").isEqualTo(before);

		assertThat(api().get(VIEWER, base).status()).isEqualTo(403);
		assertThat(post(VIEWER, "/api/records/Opportunity/" + opportunity("Viewer's") + "/spaces", "{}").status()).isEqualTo(403);
		assertThat(http.send(authorized(VIEWER, "/api/messaging/events").header("Accept", "text/event-stream").GET().build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		assertThat(api().get(ADMIN, "/api/spaces/no-such-space/messages").status()).isEqualTo(404);
		ApiClient.Response notMember = api().get(AGENT, base);
		assertThat(notMember.status()).as("the agent is not in this room").isEqualTo(403);
		assertThat(notMember.json().get("detail").asString()).contains("not a member");
		assertThat(api().get(null, base).status()).isEqualTo(401);
	}

	@Test
	void aFileOverWebexsLimitIsA413NamingTheLimit() throws Exception {
		String spaceId = space(ADMIN, "Big file", null);
		long size = 100L * 1024 * 1024 + 512 * 1024;
		String boundary = "b" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = authorized(ADMIN, "/api/spaces/" + spaceId + "/messages")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.<InputStream>of(
					new ByteArrayInputStream(head), new ZeroBytes(size), new ByteArrayInputStream(tail))))))
			.build();

		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("100 MB");
		assertThat(sandboxMessages(spaceId)).isZero();
	}

	@Test
	void chatListsTheUsersRoomsAndIsRefusedOnceSwitchedOff() {
		String spaceId = space(ADMIN, "Chat room", "agent@switchboard.test");
		String roomId = roomOf(spaceId);
		JsonNode rooms = api().get(AGENT, "/api/messaging/rooms").json().get("rooms");
		assertThat(rooms).extracting(r -> r.get("roomId").asString()).contains(roomId);
		assertThat(post(AGENT, "/api/messaging/rooms/" + roomId + "/messages", "{\"text\":\"hello from chat\"}").status()).isEqualTo(201);
		assertThat(api().get(AGENT, "/api/messaging/rooms/" + roomId + "/messages").json().get("messages").get(0).get("text").asString())
			.isEqualTo("hello from chat");
		assertThat(page(AGENT, "/")).contains("data-testid=\"chat-panel\"");

		assertThat(api().send(ADMIN, "PUT", "/api/admin/settings/chat", "{}").status()).as("enabled is required").isEqualTo(400);
		assertThat(api().send(ADMIN, "PUT", "/api/admin/settings/chat", "{\"enabled\":false}").status()).isEqualTo(200);

		assertThat(api().get(AGENT, "/api/messaging/rooms").status()).isEqualTo(403);
		assertThat(post(AGENT, "/api/messaging/rooms/" + roomId + "/messages", "{\"text\":\"refused\"}").status()).isEqualTo(403);
		assertThat(page(AGENT, "/")).doesNotContain("data-testid=\"chat-panel\"");
		assertThat(api().get(ADMIN, "/api/admin/audit?limit=5").body()).contains("chat");
		assertThat(api().get(AGENT, "/api/spaces/" + spaceId + "/messages").status()).as("record spaces stay available").isEqualTo(200);
	}

	@Test
	void memberSearchFollowsTheSpaceSearchToggles() {
		create("Contact", "{\"LastName\":\"Zanzibar\",\"Email\":\"zanzibar.contact@example.com\"}");
		create("Lead", "{\"LastName\":\"Zanzibar\",\"Company\":\"Zed\",\"Email\":\"zanzibar.lead@example.com\"}");
		assertThat(api().get(AGENT, "/api/messaging/members?q=zanzibar").json().get("results"))
			.extracting(r -> r.get("object").asString()).contains("Contact", "Lead");

		api().send(ADMIN, "PUT", "/api/admin/settings/search", """
				{"dialer":{"contacts":true,"leads":true},"inbound":{"contacts":true,"leads":true},
				 "meeting":{"contacts":true,"leads":true},"space":{"contacts":false,"leads":true}}""");
		assertThat(api().get(AGENT, "/api/messaging/members?q=zanzibar").json().get("results"))
			.extracting(r -> r.get("object").asString()).containsOnly("Lead");
		assertThat(api().get(AGENT, "/api/messaging/members?q=agent").json().get("results"))
			.extracting(r -> r.get("email").asString()).contains("agent@switchboard.test");
	}

	// --- helpers ---

	private String space(String user, String title, String memberEmail) {
		String opportunity = opportunity(title + " deal");
		String members = memberEmail == null ? "[]" : "[{\"email\":\"" + memberEmail + "\"}]";
		ApiClient.Response created = post(user, "/api/records/Opportunity/" + opportunity + "/spaces",
				"{\"title\":\"" + title + "\",\"members\":" + members + "}");
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("spaceId").asString();
	}

	private String roomOf(String spaceId) {
		return jdbc.sql("SELECT room_id FROM messaging_space WHERE id = ?").param(spaceId).query(String.class).single();
	}

	private int sandboxMessages(String spaceId) {
		return webex("c2FuZGJveC10b2tlbi1hZG1pbg_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "GET", "/v1/messages?roomId=" + roomOf(spaceId), null).get("items").size();
	}

	private String opportunity(String name) {
		return create("Opportunity", "{\"Name\":\"" + name + "\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2027-03-31\"}");
	}

	private String create(String object, String json) {
		ApiClient.Response created = post(ADMIN, "/api/records/" + object, json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private ApiClient.Response post(String user, String path, String json) {
		return api().send(user, "POST", path, json);
	}

	private String page(String user, String path) {
		try {
			return http.send(authorized(user, path).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpResponse<String> multipart(String user, String path, String fileName, byte[] content, String text) throws Exception {
		String boundary = "b" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return http.send(authorized(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder authorized(String user, String path) {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + credentials);
	}

	/** Calls the sandbox's Webex API as one of its seeded people, as that person's own Webex app would. */
	private JsonNode webex(String token, String method, String path, String json) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + path))
				.header("Authorization", "Bearer " + token)
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isLessThan(300);
			return JSON.readTree(response.body());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** {@code size} zero bytes, streamed so that a 100 MB upload needs no 100 MB in memory. */
	private static final class ZeroBytes extends InputStream {

		private long left;

		ZeroBytes(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			return left-- > 0 ? 0 : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (left <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, left);
			java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
			left -= n;
			return n;
		}
	}
}
