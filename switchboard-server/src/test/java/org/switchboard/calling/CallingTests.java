package org.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.switchboard.sandbox.SandboxTime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.SseClient;
import org.switchboard.webex.RegisteredWebhook;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexWebhooks;

import tools.jackson.databind.JsonNode;

/** Calling end to end: the server, the sandbox and the SSE stream over real HTTP, as the browser and Webex use them. */
class CallingTests extends EmbeddedServerTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final String AGENT = ApiClient.AGENT;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebexWebhooks webhooks;

	@Autowired
	WebexAccounts accounts;

	@Autowired
	SandboxTime sandboxTime;

	@AfterEach
	void restoreDefaultSettings() {
		for (String section : new String[] { "search", "phoneFields", "callLogs", "callLogDetails", "callHistory" }) {
			jdbc.sql("DELETE FROM platform_setting WHERE section = ?").param(section).update();
		}
	}

	@Test
	void anInboundCallIsMatchedPoppedAnsweredAndLoggedAsATask() throws Exception {
		String account = create("Account", "{\"Name\":\"Okafor Freight\"}");
		String contact = create("Contact", "{\"FirstName\":\"Rita\",\"LastName\":\"Okafor\",\"Phone\":\"415.555.0142\",\"AccountId\":\"" + account + "\"}");

		try (SseClient events = openEvents(AGENT)) {
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 (415) 555-0142\",\"fromName\":\"Rita\"}");
			JsonNode ringing = events.next(c -> c.get("state").asString().equals("alerting")
					&& "+1 (415) 555-0142".equals(c.get("remoteNumber").asString()), WAIT).data();
			assertThat(ringing.get("direction").asString()).isEqualTo("inbound");
			assertThat(ringing.get("matches")).extracting(m -> m.get("id").asString()).containsExactly(contact);
			String callId = ringing.get("callId").asString();

			assertThat(post(AGENT, "/api/calling/calls/" + callId + "/answer", "{}").status()).isEqualTo(204);
			events.next(c -> c.get("callId").asString().equals(callId) && c.get("state").asString().equals("connected"), WAIT);
			sandboxTime.advance(Duration.ofSeconds(30)); // the call lasts half a minute at Webex
			assertThat(post(AGENT, "/api/calling/calls/" + callId + "/hangup", "{}").status()).isEqualTo(204);
			JsonNode ended = events.next(c -> c.get("callId").asString().equals(callId) && c.get("state").asString().equals("disconnected"), WAIT).data();
			assertThat(ended.get("log").asString()).isEqualTo("draft");

			JsonNode suggestions = api().get(AGENT, "/api/calling/calls/" + callId + "/suggestions").json();
			assertThat(suggestions.get("what")).extracting(m -> m.get("id").asString()).contains(account);
			ApiClient.Response logged = post(AGENT, "/api/calling/calls/" + callId + "/log",
					"{\"subject\":\"Delivery question\",\"notes\":\"Wants Friday\",\"whoId\":\"" + contact + "\",\"whatId\":\"" + account + "\",\"disposition\":\"Resolved\"}");
			assertThat(logged.status()).isEqualTo(201);

			JsonNode task = task(logged.json().get("taskId").asString());
			assertThat(task.get("TaskSubtype").asString()).isEqualTo("Call");
			assertThat(task.get("CallType").asString()).isEqualTo("Inbound");
			assertThat(task.get("CallDurationInSeconds").asInt()).isBetween(30, 40);
			assertThat(task.get("WhoId").asString()).isEqualTo(contact);
			assertThat(task.get("WhatId").asString()).isEqualTo(account);
			assertThat(task.get("Status").asString()).isEqualTo("Completed");
			assertThat(task.get("CallDisposition").asString()).isEqualTo("Resolved");
			assertThat(task.get("CallObject").asString()).isNotBlank();
			assertThat(post(AGENT, "/api/calling/calls/" + callId + "/log", "{}").status()).as("a second log").isEqualTo(409);
		}
	}

	@Test
	void clickToCallDialsTheRecordsNumberAndLogsAnOutboundTask() {
		String contact = create("Contact", "{\"LastName\":\"Dialled\",\"MobilePhone\":\"(303) 555-0187\"}");
		try (SseClient events = openEvents(AGENT)) {
			ApiClient.Response dialled = post(AGENT, "/api/calling/calls",
					"{\"object\":\"Contact\",\"id\":\"" + contact + "\",\"phoneField\":\"MobilePhone\"}");
			assertThat(dialled.status()).isEqualTo(201);
			String callId = dialled.json().get("callId").asString();
			assertThat(dialled.json().get("remoteNumber").asString()).isEqualTo("+13035550187");

			JsonNode connected = events.next(c -> c.get("callId").asString().equals(callId) && c.get("state").asString().equals("connected"), WAIT).data();
			assertThat(connected.get("direction").asString()).isEqualTo("outbound");
			assertThat(api().get(AGENT, "/api/calling/calls").json().get("calls")).extracting(c -> c.get("callId").asString()).contains(callId);
			assertThat(post(AGENT, "/api/calling/calls/" + callId + "/hangup", "{}").status()).isEqualTo(204);
			events.next(c -> c.get("callId").asString().equals(callId) && c.get("state").asString().equals("disconnected"), WAIT);

			ApiClient.Response logged = post(AGENT, "/api/calling/calls/" + callId + "/log", "{\"subject\":\"Follow-up\"}");
			assertThat(logged.status()).isEqualTo(201);
			JsonNode task = task(logged.json().get("taskId").asString());
			assertThat(task.get("CallType").asString()).isEqualTo("Outbound");
			assertThat(task.get("WhoId").asString()).as("the record the call was placed from").isEqualTo(contact);
			assertThat(post(AGENT, "/api/calling/calls/" + callId + "/hangup", "{}").status()).as("hang up twice").isEqualTo(409);
		}
	}

	@Test
	void dialsATypedNumberAndRefusesTextThatIsNoNumber() {
		assertThat(post(AGENT, "/api/calling/calls", "{\"to\":\"+1 720 555 0100\"}").status()).isEqualTo(201);
		ApiClient.Response bad = post(AGENT, "/api/calling/calls", "{\"to\":\"call me maybe\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
		ApiClient.Response notAPhoneField = post(AGENT, "/api/calling/calls", "{\"object\":\"Contact\",\"id\":\"003000000000001\",\"phoneField\":\"Email\"}");
		assertThat(notAPhoneField.status()).isEqualTo(400);
	}

	@Test
	void inboundSearchTogglesAndPhoneFieldsDecideWhatMatches() {
		String contact = create("Contact", "{\"LastName\":\"Toggled\",\"HomePhone\":\"+1 646 555 0111\"}");
		assertThat(ring("+16465550111")).extracting(m -> m.get("id").asString()).containsExactly(contact);

		put("search", "{\"dialer\":{\"contacts\":true,\"leads\":true},\"inbound\":{\"contacts\":false,\"leads\":true},"
				+ "\"meeting\":{\"contacts\":true,\"leads\":true},\"space\":{\"contacts\":true,\"leads\":true}}");
		assertThat(ring("+16465550111")).as("contacts switched off for inbound").isEmpty();

		restoreDefaultSettings();
		put("phoneFields", "{\"Contact\":[\"Phone\",\"MobilePhone\"],\"Lead\":[\"Phone\"]}");
		assertThat(ring("+16465550111")).as("HomePhone no longer a Webex phone field").isEmpty();
	}

	@Test
	void aWithheldNumberIsShownAsSuchAndMatchesNothing() {
		try (SseClient events = openEvents(AGENT)) {
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"privacyEnabled\":true}");
			JsonNode ringing = events.next(c -> c.get("state").asString().equals("alerting") && c.get("privacyEnabled").asBoolean(), WAIT).data();
			assertThat(ringing.get("remoteNumber").isNull()).isTrue();
			assertThat(ringing.get("matches")).isEmpty();
		}
	}

	@Test
	void callLogsSwitchedOffLeaveNoDraftAndRefuseALog() {
		put("callLogs", "{\"outbound\":{\"enabled\":true,\"relatedObjects\":[\"Account\"]},\"inbound\":{\"enabled\":false,\"relatedObjects\":[]}}");
		try (SseClient events = openEvents(AGENT)) {
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 512 555 0133\"}");
			String callId = events.next(c -> c.get("state").asString().equals("alerting")
					&& "+1 512 555 0133".equals(c.get("remoteNumber").asString()), WAIT).data().get("callId").asString();
			post(AGENT, "/api/calling/calls/" + callId + "/hangup", "{}");
			JsonNode ended = events.next(c -> c.get("callId").asString().equals(callId) && c.get("state").asString().equals("disconnected"), WAIT).data();
			assertThat(ended.get("log").asString()).isEqualTo("off");
			assertThat(post(AGENT, "/api/calling/calls/" + callId + "/log", "{}").status()).isEqualTo(403);
			assertThat(api().get(AGENT, "/api/calling/drafts").json().get("drafts")).extracting(d -> d.get("callId").asString()).doesNotContain(callId);
		}
	}

	@Test
	void aCallThatEndsWithNoBrowserOpenWaitsAsADraft() {
		String webexCallId = sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 212 555 0177\"}").get("callId").asString();
		String callId = awaitCall(webexCallId);
		post(AGENT, "/api/calling/calls/" + callId + "/hangup", "{}");

		Awaitility.await().atMost(WAIT).until(() -> api().get(AGENT, "/api/calling/drafts").json().get("drafts").toString().contains(callId));
		assertThat(api().send(AGENT, "DELETE", "/api/calling/drafts/" + callId, null).status()).isEqualTo(204);
		assertThat(api().get(AGENT, "/api/calling/drafts").json().get("drafts").toString()).doesNotContain(callId);
	}

	@Test
	void callHistoryFollowsItsToggle() {
		post(AGENT, "/api/calling/calls", "{\"to\":\"+1 720 555 0101\"}");
		assertThat(api().get(AGENT, "/api/calling/history").status()).isEqualTo(200);
		put("callHistory", "{\"enabled\":false}");
		ApiClient.Response off = api().get(AGENT, "/api/calling/history");
		assertThat(off.status()).isEqualTo(403);
		assertThat(off.json().get("detail").asString()).contains("switched off call history");
	}

	@Test
	void duplicateAndOutOfOrderDeliveriesGiveOneCorrectCall() throws Exception {
		RegisteredWebhook hook = agentWebhook();
		String secret = webhooks.secretOf(hook.id()).orElseThrow().secret();
		String webexCallId = "Y2lzY29zcGFyazovL3VzL0NBTEwv" + UUID.randomUUID().toString().replace("-", "");
		// Nanoseconds that the database cannot keep must not cost the duration a second.
		Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusNanos(123_456_789);
		String connected = envelope(hook, "updated", webexCallId, "answered", "connected", t0.plusSeconds(2), t0.plusSeconds(2), null);
		String alerting = envelope(hook, "created", webexCallId, "received", "alerting", t0, null, null);
		String ended = envelope(hook, "deleted", webexCallId, "disconnected", "disconnected", t0.plusSeconds(9), t0.plusSeconds(2), t0.plusSeconds(9));

		try (SseClient events = openEvents(AGENT)) {
			for (String delivery : new String[] { connected, alerting, connected, alerting.replace("\"received\"", "\"received\" "), ended, ended }) {
				assertThat(deliver(delivery, secret)).isEqualTo(200);
			}
			JsonNode last = events.next(c -> c.get("state").asString().equals("disconnected")
					&& "+13125550190".equals(c.get("remoteNumber").asString()), WAIT).data();
			assertThat(last.get("durationSeconds").asLong()).isEqualTo(7);
			String callId = last.get("callId").asString();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM calling_call WHERE webex_call_id = ?").param(webexCallId).query(Long.class).single()).isEqualTo(1);
			assertThat(post(AGENT, "/api/calling/calls/" + callId + "/log", "{}").status()).isEqualTo(201);
			assertThat(post(AGENT, "/api/calling/calls/" + callId + "/log", "{}").status()).isEqualTo(409);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_record WHERE object_name = 'Task' AND field_values LIKE ?")
				.param("%" + webexCallId + "%").query(Long.class).single()).as("one Task for the call").isEqualTo(1);
		}
	}

	@Test
	void badLogsAreRefusedAndNothingIsSaved() {
		String lead = create("Lead", "{\"LastName\":\"Leadly\",\"Company\":\"L Ltd\",\"Phone\":\"+1 949 555 0122\"}");
		String opportunity = create("Opportunity", "{\"Name\":\"Big deal\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2026-12-31\"}");
		String campaign = create("Campaign", "{\"Name\":\"Spring\"}");
		put("callLogs", "{\"outbound\":{\"enabled\":true,\"relatedObjects\":[\"Account\"]},\"inbound\":{\"enabled\":true,\"relatedObjects\":[\"Account\"]}}");
		String webexCallId = sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 949 555 0122\"}").get("callId").asString();
		String callId = awaitCall(webexCallId);
		assertThat(post(AGENT, "/api/calling/calls/" + callId + "/log", "{}").status()).as("still ringing").isEqualTo(409);
		post(AGENT, "/api/calling/calls/" + callId + "/hangup", "{}");
		Awaitility.await().atMost(WAIT).until(() -> api().get(AGENT, "/api/calling/calls/" + callId).json().get("log").asString().equals("draft"));
		long tasksBefore = tasks();

		ApiClient.Response notEnabled = post(AGENT, "/api/calling/calls/" + callId + "/log", "{\"whoId\":\"\",\"whatId\":\"" + opportunity + "\"}");
		assertThat(notEnabled.status()).isEqualTo(400);
		assertThat(notEnabled.json().get("errors").get(0).get("field").asString()).isEqualTo("whatId");
		assertThat(post(AGENT, "/api/calling/calls/" + callId + "/log", "{\"whoId\":\"" + campaign + "\"}").status()).isEqualTo(400);
		assertThat(post(AGENT, "/api/calling/calls/" + callId + "/log", "{\"whoId\":\"00Qnothing\"}").status()).isEqualTo(400);
		assertThat(post(ApiClient.ADMIN, "/api/calling/calls/" + callId + "/log", "{}").status()).as("someone else's call").isEqualTo(403);
		assertThat(post(AGENT, "/api/calling/calls/unknown-call/log", "{}").status()).isEqualTo(404);
		assertThat(post(AGENT, "/api/calling/calls/unknown-call/hangup", "{}").status()).isEqualTo(404);

		assertThat(tasks()).isEqualTo(tasksBefore);
		assertThat(api().get(AGENT, "/api/calling/calls/" + callId).json().get("log").asString()).isEqualTo("draft");
		ApiClient.Response good = post(AGENT, "/api/calling/calls/" + callId + "/log", "{}");
		assertThat(good.status()).isEqualTo(201);
		assertThat(task(good.json().get("taskId").asString()).get("WhoId").asString()).as("the caller's only match").isEqualTo(lead);
	}

	@Test
	void aViewerWithoutWebexUserGets403Everywhere() {
		for (String path : new String[] { "/api/calling/search?q=ann", "/api/calling/calls", "/api/calling/history", "/api/calling/drafts" }) {
			assertThat(api().get(ApiClient.VIEWER, path).status()).as(path).isEqualTo(403);
		}
		try (SseClient stream = new SseClient(port, ApiClient.VIEWER, "/api/calling/events")) {
			Awaitility.await().atMost(WAIT).until(() -> stream.status() == 403);
		}
		assertThat(post(ApiClient.VIEWER, "/api/calling/calls", "{\"to\":\"+14155550100\"}").status()).isEqualTo(403);
		assertThat(api().get(null, "/api/calling/calls").status()).isEqualTo(401);
	}

	@Test
	void theDialerFindsContactsAndLeadsByNameOrByDigitsFromTheStartOfAnyGroupOfTheNumber() {
		String contact = create("Contact", "{\"FirstName\":\"Zebulon\",\"LastName\":\"Quist\",\"Phone\":\"(702) 555-0163\"}");
		String lead = create("Lead", "{\"FirstName\":\"Zebulon\",\"LastName\":\"Quarry\",\"Company\":\"Q\",\"MobilePhone\":\"+1 702 555 0164\"}");

		assertThat(search("zebulon q")).containsExactlyInAnyOrder(contact, lead);
		assertThat(search("555-0163")).contains(contact).doesNotContain(lead);
		assertThat(search("7025550164")).contains(lead);
		assertThat(search("5501")).as("digits starting inside a group").doesNotContain(contact, lead);
		JsonNode hit = api().get(AGENT, "/api/calling/search?q=5550163").json().get("results").get(0);
		assertThat(hit.get("phoneField").asString()).isEqualTo("Phone");
		assertThat(hit.get("phone").asString()).isEqualTo("(702) 555-0163");

		put("search", "{\"dialer\":{\"contacts\":true,\"leads\":false},\"inbound\":{\"contacts\":true,\"leads\":true},"
				+ "\"meeting\":{\"contacts\":true,\"leads\":true},\"space\":{\"contacts\":true,\"leads\":true}}");
		assertThat(search("zebulon q")).containsExactly(contact);
	}

	private java.util.List<String> search(String q) {
		JsonNode results = api().get(AGENT, "/api/calling/search?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).json().get("results");
		java.util.List<String> ids = new java.util.ArrayList<>();
		results.forEach(r -> ids.add(r.get("id").asString()));
		return ids;
	}

	private JsonNode ring(String number) {
		try (SseClient events = openEvents(AGENT)) {
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"" + number + "\"}");
			JsonNode ringing = events.next(c -> c.get("state").asString().equals("alerting")
					&& number.equals(c.get("remoteNumber").asString()), WAIT).data();
			post(AGENT, "/api/calling/calls/" + ringing.get("callId").asString() + "/hangup", "{}");
			return ringing.get("matches");
		}
	}

	private String awaitCall(String webexCallId) {
		Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM calling_call WHERE webex_call_id = ?")
			.param(webexCallId).query(Long.class).single() == 1);
		return jdbc.sql("SELECT id FROM calling_call WHERE webex_call_id = ?").param(webexCallId).query(String.class).single();
	}

	private SseClient openEvents(String user) {
		SseClient client = new SseClient(port, user, "/api/calling/events");
		Awaitility.await().atMost(WAIT).until(() -> client.status() == 200);
		return client;
	}

	private String create(String object, String json) {
		ApiClient.Response created = post(ApiClient.ADMIN, "/api/records/" + object, json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private JsonNode task(String id) {
		return api().get(AGENT, "/api/records/Task/" + id
				+ "?fields=TaskSubtype,CallType,CallDurationInSeconds,WhoId,WhatId,Status,CallDisposition,CallObject,Subject").json().get("fields");
	}

	private long tasks() {
		return jdbc.sql("SELECT COUNT(*) FROM crm_record WHERE object_name = 'Task'").query(Long.class).single();
	}

	private void put(String section, String json) {
		ApiClient.Response response = api().send(ApiClient.ADMIN, "PUT", "/api/admin/settings/" + section, json);
		assertThat(response.status()).as(response.body()).isBetween(200, 204);
	}

	private ApiClient.Response post(String user, String path, String json) {
		return api().send(user, "POST", path, json);
	}

	private RegisteredWebhook agentWebhook() {
		String agentPerson = accounts.all().stream().filter(a -> a.email().equals(AGENT)).findFirst().orElseThrow().personId();
		return webhooks.all().stream().filter(w -> w.ownerPersonId().equals(agentPerson)).findFirst().orElseThrow();
	}

	private static String envelope(RegisteredWebhook hook, String event, String callId, String eventType, String state,
			Instant at, Instant answered, Instant disconnected) {
		return """
				{"id":"%s","name":"calls","targetUrl":"%s","resource":"telephony_calls","event":"%s","orgId":"o","createdBy":"%s",
				 "ownedBy":"creator","status":"active","created":"%s","actorId":"%s",
				 "data":{"eventType":"%s","eventTimestamp":"%s","callId":"%s","personality":"terminator","state":"%s",
				  "remoteParty":{"name":"Out Of Order","number":"+13125550190","privacyEnabled":false,"callType":"external"},
				  "created":"%s"%s%s}}""".formatted(hook.id(), hook.targetUrl(), event, hook.ownerPersonId(), at, hook.ownerPersonId(),
				eventType, at, callId, state, at.minusSeconds(1),
				answered == null ? "" : ",\"answered\":\"" + answered + "\"",
				disconnected == null ? "" : ",\"disconnected\":\"" + disconnected + "\"");
	}

	private int deliver(String body, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/webex"))
			.header("Content-Type", "application/json").header("X-Spark-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
