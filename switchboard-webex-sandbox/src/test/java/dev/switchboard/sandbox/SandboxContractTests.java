package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The sandbox answers as Webex documents it (webex-api.md and Cisco's OpenAPI specs): field names,
 * JSON types, enum values, status codes, error bodies, TrackingID, Link paging and signed webhooks.
 */
class SandboxContractTests extends SandboxTest {

	private static final String AGENT = Tokens.AGENT;
	private static final String BOT = Tokens.BOT;

	@Test
	void peopleMeHasWebexFieldsAndTypes() throws Exception {
		HttpResponse<String> response = client.call(AGENT, "GET", "/v1/people/me", null);
		JsonNode me = SandboxClient.JSON.readTree(response.body());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("TrackingID")).isPresent();
		assertThat(me.get("id").isString()).isTrue();
		assertThat(decode(me.get("id").asString())).startsWith("ciscospark://us/PEOPLE/");
		assertThat(me.get("emails").isArray()).isTrue();
		assertThat(me.get("emails").get(0).asString()).isEqualTo("agent@switchboard.test");
		assertThat(me.get("displayName").asString()).isEqualTo("Alex Agent");
		assertThat(me.get("type").asString()).isIn("person", "bot", "appuser");
		assertThat(me.get("phoneNumbers").get(0).get("type").asString()).isIn("work", "work_extension", "mobile", "fax");
		assertThat(me.get("created").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
	}

	@Test
	void missingOrUnknownTokensGet401WithWebexErrorBody() throws Exception {
		HttpResponse<String> response = client.call(null, "GET", "/v1/people/me", null);
		JsonNode error = SandboxClient.JSON.readTree(response.body());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(error.get("message").isString()).isTrue();
		assertThat(error.get("errors").get(0).get("description").isString()).isTrue();
		assertThat(error.get("trackingId").asString()).isEqualTo(response.headers().firstValue("TrackingID").orElseThrow());
		assertThat(client.call("nonsense", "GET", "/v1/people/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void badRequestsGet400NeverA500() throws Exception {
		assertThat(client.call(AGENT, "POST", "/v1/webhooks", "{not json").statusCode()).isEqualTo(400);
		assertThat(client.call(AGENT, "POST", "/v1/webhooks", "{\"name\":\"x\"}").statusCode()).isEqualTo(400);
		assertThat(client.call(AGENT, "POST", "/v1/webhooks", webhook("x", "bananas", "all", "s")).statusCode()).isEqualTo(400);
		assertThat(client.call(AGENT, "GET", "/v1/rooms/unknown", null).statusCode()).isEqualTo(404);
		assertThat(client.call(AGENT, "GET", "/v1/webhooks?max=0", null).statusCode()).isEqualTo(400);
	}

	@Test
	void pagesWebhooksWithLinkHeadersToTheEnd() throws Exception {
		for (int i = 0; i < 250; i++) {
			assertThat(client.call(AGENT, "POST", "/v1/webhooks", webhook("hook " + i, "telephony_calls", "all", null)).statusCode()).isEqualTo(200);
		}
		List<String> ids = new ArrayList<>();
		String next = "/v1/webhooks?max=100";
		int pages = 0;
		while (next != null) {
			HttpResponse<String> page = client.call(AGENT, "GET", next, null);
			SandboxClient.JSON.readTree(page.body()).get("items").forEach(w -> ids.add(w.get("id").asString()));
			next = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(ids).hasSize(250).doesNotHaveDuplicates();
	}

	@Test
	void anInboundCallRingsAnswersAndEndsAsSignedTelephonyCallsWebhooks() throws Exception {
		JsonNode hook = client.json(AGENT, "POST", "/v1/webhooks", webhook("calls", "telephony_calls", "all", "topsecret"));
		assertThat(hook.get("status").asString()).isEqualTo("active");
		assertThat(hook.get("secret").asString()).isEqualTo("topsecret");

		String callId = client.json(null, "POST", "/sandbox/calls/inbound",
				"{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+14155550142\",\"fromName\":\"Rita Ramos\"}").get("callId").asString();
		assertThat(client.json(AGENT, "GET", "/v1/telephony/calls", null).get("items").get(0).get("state").asString()).isEqualTo("alerting");
		client.call(AGENT, "POST", "/v1/telephony/calls/answer", "{\"callId\":\"" + callId + "\"}");
		client.call(null, "POST", "/sandbox/calls/" + callId + "/hangup", null);

		List<JsonNode> events = List.of(next("topsecret"), next("topsecret"), next("topsecret"), next("topsecret"));
		assertThat(events).extracting(e -> e.get("data").get("state").asString()).containsExactly("alerting", "alerting", "connected", "disconnected");
		assertThat(events).extracting(e -> e.get("event").asString()).containsExactly("created", "updated", "updated", "deleted");
		JsonNode ended = events.get(3);
		assertThat(ended.get("resource").asString()).isEqualTo("telephony_calls");
		assertThat(ended.get("id").asString()).isEqualTo(hook.get("id").asString());
		assertThat(ended.get("data").get("callId").asString()).isEqualTo(callId);
		assertThat(ended.get("data").get("personality").asString()).isEqualTo("terminator");
		assertThat(ended.get("data").get("remoteParty").get("number").asString()).isEqualTo("+14155550142");
		assertThat(ended.get("data").has("answered")).isTrue();
		assertThat(ended.get("data").has("disconnected")).isTrue();
		assertThat(client.json(AGENT, "GET", "/v1/telephony/calls/history?type=received", null).get("items")).hasSize(1);
	}

	@Test
	void clickToDialGoesFromAlertingToConnected() throws Exception {
		client.call(AGENT, "POST", "/v1/webhooks", webhook("calls", "telephony_calls", "all", "s"));
		JsonNode dialled = client.json(AGENT, "POST", "/v1/telephony/calls/dial", "{\"destination\":\"+14155550100\"}");
		assertThat(dialled.get("callId").isString()).isTrue();
		assertThat(dialled.get("callSessionId").isString()).isTrue();

		List<String> states = List.of(next("s").get("data").get("personality").asString() + "/alerting",
				next("s").get("data").get("state").asString(), next("s").get("data").get("state").asString());
		assertThat(states).containsExactly("clickToDial/alerting", "connecting", "connected");
	}

	@Test
	void injectedFaultsAnswer429WithRetryAfter() throws Exception {
		client.call(null, "PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[429],\"retryAfterSeconds\":2}");
		HttpResponse<String> response = client.call(AGENT, "GET", "/v1/people/me", null);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).contains("2");
		client.call(null, "DELETE", "/sandbox/faults", null);
		assertThat(client.call(AGENT, "GET", "/v1/people/me", null).statusCode()).isEqualTo(200);
		assertThat(client.call(null, "PUT", "/sandbox/faults", "{\"rate\":7,\"statuses\":[429]}").statusCode()).isEqualTo(400);
	}

	@Test
	void aWebhookBecomesInactiveAfterRepeatedFailures() throws Exception {
		JsonNode hook = client.json(AGENT, "POST", "/v1/webhooks", webhookTo("failing", "/hook/fail"));
		for (int i = 0; i < 3; i++) {
			String callId = client.json(null, "POST", "/sandbox/calls/inbound",
					"{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1415555000" + i + "\"}").get("callId").asString();
			client.call(null, "POST", "/sandbox/calls/" + callId + "/hangup", null);
		}
		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> client.json(AGENT, "GET", "/v1/webhooks/" + hook.get("id").asString(), null).get("status").asString(), "inactive"::equals);
		JsonNode reactivated = client.json(AGENT, "PUT", "/v1/webhooks/" + hook.get("id").asString(),
				"{\"name\":\"failing\",\"targetUrl\":\"" + receiver.url("/hook") + "\",\"status\":\"active\"}");
		assertThat(reactivated.get("status").asString()).isEqualTo("active");
	}

	@Test
	void aBotSeesGroupMessagesOnlyWhenMentioned() throws Exception {
		String roomId = client.json(AGENT, "POST", "/v1/rooms", "{\"title\":\"Deal room\"}").get("id").asString();
		client.call(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"switchboard-bot@webex.bot\"}");
		assertThat(client.call(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"switchboard-bot@webex.bot\"}").statusCode()).isEqualTo(409);
		client.call(AGENT, "POST", "/v1/messages", "{\"roomId\":\"" + roomId + "\",\"text\":\"hello team\"}");
		client.call(AGENT, "POST", "/v1/messages", "{\"roomId\":\"" + roomId + "\",\"markdown\":\"hey <@personEmail:switchboard-bot@webex.bot|Switchboard Bot>\"}");

		assertThat(client.call(BOT, "GET", "/v1/messages?roomId=" + roomId, null).statusCode()).isEqualTo(403);
		assertThat(client.json(BOT, "GET", "/v1/messages?roomId=" + roomId + "&mentionedPeople=me", null).get("items")).hasSize(1);
		JsonNode all = client.json(AGENT, "GET", "/v1/messages?roomId=" + roomId + "&max=1", null);
		assertThat(all.get("items").get(0).get("markdown").asString()).startsWith("hey");
	}

	@Test
	void aBotLeavesARoomByDeletingItsOwnMembershipAndAStrangerCannotDeleteOne() throws Exception {
		String roomId = client.json(AGENT, "POST", "/v1/rooms", "{\"title\":\"Leaving room\"}").get("id").asString();
		String membershipId = client.json(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"switchboard-bot@webex.bot\"}")
			.get("id").asString();

		assertThat(client.call("c2FuZGJveC10b2tlbi12aWV3ZXI_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "DELETE", "/v1/memberships/" + membershipId, null).statusCode()).as("not in the room").isEqualTo(404);
		assertThat(client.call(BOT, "DELETE", "/v1/memberships/" + membershipId, null).statusCode()).isEqualTo(204);

		assertThat(client.json(AGENT, "GET", "/v1/memberships?roomId=" + roomId, null).get("items")).extracting(m -> m.get("personEmail").asString())
			.containsExactly("agent@switchboard.test");
		assertThat(client.call(BOT, "DELETE", "/v1/memberships/" + membershipId, null).statusCode()).as("already gone").isEqualTo(404);
	}

	/** The next delivery, whose signature must be the HMAC-SHA1 of its exact bytes with {@code secret}. */
	@Test
	void roomsMembershipsAndMessagesHaveWebexFields() throws Exception {
		JsonNode room = client.json(AGENT, "POST", "/v1/rooms", "{\"title\":\"Acme renewal\"}");
		assertThat(decode(room.get("id").asString())).startsWith("ciscospark://us/ROOM/");
		assertThat(room.get("type").asString()).isIn("direct", "group");
		assertThat(room.get("isLocked").isBoolean()).isTrue();
		assertThat(room.get("creatorId").isString()).isTrue();
		String roomId = room.get("id").asString();

		JsonNode membership = client.json(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"viewer@switchboard.test\"}");
		assertThat(decode(membership.get("id").asString())).startsWith("ciscospark://us/MEMBERSHIP/");
		assertThat(membership.get("personEmail").asString()).isEqualTo("viewer@switchboard.test");
		assertThat(membership.get("isModerator").isBoolean()).isTrue();
		assertThat(client.json(AGENT, "GET", "/v1/memberships?roomId=" + roomId, null).get("items")).hasSize(2);

		JsonNode message = client.json(AGENT, "POST", "/v1/messages", "{\"roomId\":\"" + roomId + "\",\"markdown\":\"**Renewal** signed\"}");
		assertThat(decode(message.get("id").asString())).startsWith("ciscospark://us/MESSAGE/");
		assertThat(message.get("roomType").asString()).isEqualTo("group");
		assertThat(message.get("personEmail").asString()).isEqualTo("agent@switchboard.test");
		assertThat(message.get("created").asString()).endsWith("Z");
		assertThat(client.json(Tokens.VIEWER, "GET", "/v1/messages/" + message.get("id").asString(), null).get("markdown").asString())
			.isEqualTo("**Renewal** signed");
		assertThat(client.call(AGENT, "POST", "/v1/messages", "{\"roomId\":\"" + roomId + "\",\"text\":\"" + "x".repeat(7440) + "\"}").statusCode())
			.isEqualTo(400);
	}

	@Test
	void holdAndResumeChangeTheCallState() throws Exception {
		String callId = client.json(null, "POST", "/sandbox/calls/inbound",
				"{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+14155550142\"}").get("callId").asString();
		client.call(null, "POST", "/sandbox/calls/" + callId + "/answer", null);

		assertThat(client.call(AGENT, "POST", "/v1/telephony/calls/hold", "{\"callId\":\"" + callId + "\"}").statusCode()).isEqualTo(204);
		assertThat(client.json(AGENT, "GET", "/v1/telephony/calls/" + callId, null).get("state").asString()).isEqualTo("held");
		client.call(AGENT, "POST", "/v1/telephony/calls/resume", "{\"callId\":\"" + callId + "\"}");
		JsonNode call = client.json(AGENT, "GET", "/v1/telephony/calls/" + callId, null);
		assertThat(call.get("state").asString()).isEqualTo("connected");
		assertThat(call.get("personality").asString()).isIn("originator", "terminator", "clickToDial");
		assertThat(call.get("remoteParty").get("callType").asString()).isIn("location", "organization", "external", "emergency", "repair", "other");
		assertThat(client.call(AGENT, "POST", "/v1/telephony/calls/hold", "{\"callId\":\"nope\"}").statusCode()).isEqualTo(404);
		assertThat(client.call(Tokens.VIEWER, "GET", "/v1/telephony/calls/" + callId, null).statusCode()).isEqualTo(404);
	}

	@Test
	void aWithheldNumberIsNotRevealed() throws Exception {
		client.call(AGENT, "POST", "/v1/webhooks", webhook("calls", "telephony_calls", "all", "s"));
		client.call(null, "POST", "/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"privacyEnabled\":true}");

		JsonNode party = next("s").get("data").get("remoteParty");
		assertThat(party.get("privacyEnabled").asBoolean()).isTrue();
		assertThat(party.has("number")).isFalse();
	}

	private JsonNode next(String secret) throws Exception {
		WebhookReceiver.Delivery delivery = receiver.poll(5000);
		assertThat(delivery).as("a webhook delivery").isNotNull();
		assertThat(delivery.signature()).isEqualTo(hmac(secret, delivery.body()));
		return SandboxClient.JSON.readTree(delivery.body());
	}

	private String webhook(String name, String resource, String event, String secret) {
		return "{\"name\":\"" + name + "\",\"targetUrl\":\"" + receiver.url("/hook") + "\",\"resource\":\""
				+ resource + "\",\"event\":\"" + event + "\"" + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + "}";
	}

	private String webhookTo(String name, String path) {
		return "{\"name\":\"" + name + "\",\"targetUrl\":\"" + receiver.url(path)
				+ "\",\"resource\":\"telephony_calls\",\"event\":\"all\",\"secret\":\"x\"}";
	}

	private static String hmac(String secret, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

	private static String decode(String id) {
		return new String(java.util.Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
	}
}
