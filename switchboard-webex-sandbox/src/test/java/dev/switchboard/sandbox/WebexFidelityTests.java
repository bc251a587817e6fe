package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Where a client can tell the sandbox from Webex (issue 16): one test per difference, each failing on the sandbox
 * as it was, plus the answers the server uses checked against Cisco's OpenAPI documents.
 */
class WebexFidelityTests extends SandboxTest {

	private static final String AGENT = Tokens.AGENT;
	private static final String ADMIN = Tokens.ADMIN;
	private static final String VIEWER = Tokens.VIEWER;
	private static final String BOT = Tokens.BOT;

	// 1. Webhook filters

	@Test
	void aWebhookFilteredToOneRoomHearsOnlyThatRoomAndUnknownFilterKeysAreRefused() throws Exception {
		String watched = room(AGENT, "Watched");
		String other = room(AGENT, "Other");
		assertThat(client.call(AGENT, "POST", "/v1/webhooks", hook("messages", "created", "roomId=" + watched)).statusCode()).isEqualTo(200);

		post(AGENT, other, "{\"text\":\"elsewhere\"}");
		post(AGENT, watched, "{\"text\":\"here\"}");

		assertThat(next().get("data").get("roomId").asString()).isEqualTo(watched);
		assertThat(receiver.poll(500)).as("no delivery for the other room").isNull();
		HttpResponse<String> unknown = client.call(AGENT, "POST", "/v1/webhooks", hook("messages", "created", "colour=red"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("colour");
		assertThat(client.call(AGENT, "POST", "/v1/webhooks", hook("telephony_calls", "all", "roomId=x")).statusCode()).isEqualTo(400);
		assertThat(client.json(AGENT, "GET", "/v1/webhooks", null).get("items")).hasSize(1);
	}

	@Test
	void telephonyAndMentionFiltersApply() throws Exception {
		client.call(AGENT, "POST", "/v1/webhooks", hook("telephony_calls", "created", "callType=internal"));
		client.call(AGENT, "POST", "/v1/webhooks", hook("telephony_calls", "created", "callType=external"));
		client.call(null, "POST", "/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+14155550142\"}");
		assertThat(next().get("filter").asString()).isEqualTo("callType=external");
		assertThat(receiver.poll(500)).isNull();

		String roomId = room(AGENT, "Mentions");
		client.call(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"viewer@switchboard.test\"}");
		client.call(VIEWER, "POST", "/v1/webhooks", hook("messages", "created", "mentionedPeople=me"));
		post(AGENT, roomId, "{\"text\":\"Val Viewer, not a mention\"}");
		post(AGENT, roomId, "{\"markdown\":\"<@personEmail:viewer@switchboard.test|Val>, a mention\"}");
		assertThat(next().get("data").get("mentionedPeople").get(0).asString()).isEqualTo(personId(VIEWER));
		assertThat(receiver.poll(500)).isNull();
	}

	// 2. Mentions

	@Test
	void mentionTagsSetMentionedPeopleForPersonsAndBotsAndAPlainNameDoesNot() throws Exception {
		String roomId = room(AGENT, "Deal room");
		client.call(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"switchboard-bot@webex.bot\"}");
		client.call(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"viewer@switchboard.test\"}");

		JsonNode plain = post(AGENT, roomId, "{\"text\":\"Switchboard Bot switchboard-bot@webex.bot\"}");
		JsonNode tagged = post(AGENT, roomId, "{\"markdown\":\"<@personId:" + personId(BOT) + "|Bot> and <@personEmail:viewer@switchboard.test|Val>\"}");

		assertThat(plain.has("mentionedPeople")).isFalse();
		assertThat(tagged.get("mentionedPeople").values()).extracting(JsonNode::asString).containsExactly(personId(BOT), personId(VIEWER));
		assertThat(tagged.get("text").asString()).isEqualTo("Bot and Val");
		assertThat(tagged.get("html").asString()).contains("<spark-mention data-object-type=\"person\" data-object-id=\"" + personId(BOT) + "\">Bot</spark-mention>");
		JsonNode botView = client.json(BOT, "GET", "/v1/messages?roomId=" + roomId + "&mentionedPeople=me", null);
		assertThat(botView.get("items")).hasSize(1);
		assertThat(client.call(BOT, "GET", "/v1/messages/" + plain.get("id").asString(), null).statusCode()).isEqualTo(404);
		assertThat(client.json(VIEWER, "GET", "/v1/messages?roomId=" + roomId + "&mentionedPeople=me", null).get("items")).hasSize(1);
	}

	// 3. 1:1 messaging

	@Test
	void aDirectMessageCreatesThenReusesTheDirectRoom() throws Exception {
		String group = room(AGENT, "Group");
		JsonNode first = client.json(AGENT, "POST", "/v1/messages", "{\"toPersonEmail\":\"viewer@switchboard.test\",\"text\":\"hi Val\"}");
		JsonNode second = client.json(AGENT, "POST", "/v1/messages", "{\"toPersonId\":\"" + personId(VIEWER) + "\",\"text\":\"again\"}");
		JsonNode reply = client.json(VIEWER, "POST", "/v1/messages", "{\"toPersonEmail\":\"agent@switchboard.test\",\"text\":\"hello\"}");

		assertThat(first.get("roomType").asString()).isEqualTo("direct");
		assertThat(first.get("toPersonEmail").asString()).isEqualTo("viewer@switchboard.test");
		assertThat(second.get("roomId").asString()).isEqualTo(first.get("roomId").asString());
		assertThat(reply.get("roomId").asString()).isEqualTo(first.get("roomId").asString());
		JsonNode direct = client.json(AGENT, "GET", "/v1/messages/direct?personEmail=viewer@switchboard.test", null);
		assertThat(direct.get("items").values()).extracting(m -> m.get("text").asString()).containsExactly("hello", "again", "hi Val");
		JsonNode directRooms = client.json(AGENT, "GET", "/v1/rooms?type=direct", null).get("items");
		assertThat(directRooms).hasSize(1);
		assertThat(directRooms.get(0).get("title").asString()).isEqualTo("Val Viewer");
		assertThat(client.json(VIEWER, "GET", "/v1/rooms?type=direct", null).get("items").get(0).get("title").asString()).isEqualTo("Alex Agent");
		assertThat(client.json(AGENT, "GET", "/v1/rooms?type=group", null).get("items").values()).extracting(r -> r.get("id").asString()).containsExactly(group);
		assertThat(client.json(AGENT, "GET", "/v1/rooms?sortBy=created", null).get("items").get(0).get("type").asString()).isEqualTo("direct");
		assertThat(client.json(AGENT, "GET", "/v1/rooms?sortBy=lastactivity", null).get("items").get(0).get("type").asString()).isEqualTo("direct");
		List<String> byId = ids(client.json(AGENT, "GET", "/v1/rooms", null));
		assertThat(byId).isSorted();
		assertThat(client.call(AGENT, "GET", "/v1/rooms?sortBy=title", null).statusCode()).isEqualTo(400);
		assertThat(client.call(AGENT, "GET", "/v1/messages/direct", null).statusCode()).isEqualTo(400);
	}

	// 4. Query filters

	@Test
	void listFiltersFilterOrAreRefused() throws Exception {
		String roomId = room(AGENT, "Filters");
		client.call(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"viewer@switchboard.test\"}");
		room(VIEWER, "Viewer's own");

		assertThat(client.json(AGENT, "GET", "/v1/memberships?roomId=" + roomId + "&personEmail=viewer@switchboard.test", null).get("items").values())
			.extracting(m -> m.get("personEmail").asString()).containsExactly("viewer@switchboard.test");
		assertThat(client.json(AGENT, "GET", "/v1/memberships?roomId=" + roomId + "&personId=" + personId(AGENT), null).get("items")).hasSize(1);
		JsonNode mine = client.json(VIEWER, "GET", "/v1/memberships", null).get("items");
		assertThat(mine).hasSize(2);
		assertThat(mine.values()).allMatch(m -> m.get("personEmail").asString().equals("viewer@switchboard.test"));
		assertThat(client.call(AGENT, "GET", "/v1/memberships?personEmail=viewer@switchboard.test", null).statusCode()).isEqualTo(400);

		String parent = post(AGENT, roomId, "{\"text\":\"thread start\"}").get("id").asString();
		post(VIEWER, roomId, "{\"text\":\"reply\",\"parentId\":\"" + parent + "\"}");
		post(AGENT, roomId, "{\"markdown\":\"ping <@personEmail:viewer@switchboard.test|Val>\"}");
		assertThat(texts(client.json(AGENT, "GET", "/v1/messages?roomId=" + roomId + "&parentId=" + parent, null))).containsExactly("reply");
		assertThat(texts(client.json(VIEWER, "GET", "/v1/messages?roomId=" + roomId + "&mentionedPeople=me", null))).containsExactly("ping Val");
		assertThat(client.call(VIEWER, "GET", "/v1/messages?roomId=" + roomId + "&mentionedPeople=" + personId(AGENT), null).statusCode()).isEqualTo(400);
		assertThat(client.json(AGENT, "GET", "/v1/messages?roomId=" + roomId + "&before=2020-01-01T00:00:00.000Z", null).get("items")).isEmpty();
		assertThat(client.json(AGENT, "GET", "/v1/messages?roomId=" + roomId + "&before=" + Instant.now().plusSeconds(60), null).get("items")).hasSize(3);

		JsonNode people = client.json(AGENT, "GET", "/v1/people?id=" + personId(VIEWER) + "," + personId(BOT), null);
		assertThat(people.get("items").values()).extracting(p -> p.get("emails").get(0).asString())
			.containsExactlyInAnyOrder("viewer@switchboard.test", "switchboard-bot@webex.bot");

		String start = Instant.now().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
		String end = Instant.parse(start).plus(Duration.ofHours(1)).toString();
		client.call(ADMIN, "POST", "/v1/meetings", "{\"title\":\"Tagged\",\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"integrationTags\":[\"crm-1\"]}");
		client.call(ADMIN, "POST", "/v1/meetings", "{\"title\":\"Untagged\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
		String from = Instant.parse(start).minus(Duration.ofDays(1)).toString();
		assertThat(client.json(ADMIN, "GET", "/v1/meetings?from=" + from, null).get("items")).hasSize(2);
		assertThat(client.json(ADMIN, "GET", "/v1/meetings?from=" + Instant.parse(start).minus(Duration.ofDays(8)), null).get("items")).isEmpty();
		assertThat(client.json(ADMIN, "GET", "/v1/meetings?from=" + from + "&integrationTag=crm-1", null).get("items").values())
			.extracting(m -> m.get("title").asString()).containsExactly("Tagged");
	}

	// 5. Endpoints

	@Test
	void roomsAndMembershipsCanBeReadChangedAndRemoved() throws Exception {
		String roomId = room(AGENT, "Before");
		JsonNode renamed = client.json(AGENT, "PUT", "/v1/rooms/" + roomId, "{\"title\":\"After\"}");
		assertThat(renamed.get("title").asString()).isEqualTo("After");

		JsonNode membership = client.json(AGENT, "POST", "/v1/memberships",
				"{\"roomId\":\"" + roomId + "\",\"personEmail\":\"viewer@switchboard.test\",\"isModerator\":true}");
		String membershipId = membership.get("id").asString();
		assertThat(membership.get("isModerator").asBoolean()).isTrue();
		assertThat(client.json(VIEWER, "GET", "/v1/memberships/" + membershipId, null).get("personEmail").asString()).isEqualTo("viewer@switchboard.test");
		JsonNode demoted = client.json(AGENT, "PUT", "/v1/memberships/" + membershipId, "{\"isModerator\":false,\"isRoomHidden\":false}");
		assertThat(demoted.get("isModerator").asBoolean()).isFalse();
		assertThat(client.call(AGENT, "PUT", "/v1/memberships/" + membershipId, "{\"isModerator\":true}").statusCode()).isEqualTo(400);
		assertThat(client.call(AGENT, "DELETE", "/v1/memberships/" + membershipId, null).statusCode()).isEqualTo(204);
		assertThat(client.call(VIEWER, "GET", "/v1/rooms/" + roomId, null).statusCode()).isEqualTo(404);

		assertThat(client.call(AGENT, "DELETE", "/v1/rooms/" + roomId, null).statusCode()).isEqualTo(204);
		assertThat(client.call(AGENT, "GET", "/v1/rooms/" + roomId, null).statusCode()).isEqualTo(404);
	}

	@Test
	void messagesCanBeEditedAndDeletedAndContentsAnswerHead() throws Exception {
		String roomId = room(AGENT, "Edits");
		JsonNode message = post(AGENT, roomId, "{\"text\":\"draft\"}");
		String id = message.get("id").asString();
		JsonNode edited = client.json(AGENT, "PUT", "/v1/messages/" + id, "{\"roomId\":\"" + roomId + "\",\"markdown\":\"**final**\"}");
		assertThat(edited.get("text").asString()).isEqualTo("final");
		assertThat(edited.has("updated")).isTrue();
		assertThat(client.call(AGENT, "PUT", "/v1/messages/" + id, "{\"text\":\"no room\"}").statusCode()).isEqualTo(400);
		assertThat(client.call(AGENT, "DELETE", "/v1/messages/" + id, null).statusCode()).isEqualTo(204);
		assertThat(client.call(AGENT, "GET", "/v1/messages/" + id, null).statusCode()).isEqualTo(404);

		JsonNode withFile = post(AGENT, roomId, "{\"text\":\"brochure\",\"files\":[\"" + fileUrl() + "\"]}");
		HttpResponse<String> head = client.call(AGENT, "HEAD", withFile.get("files").get(0).asString(), null);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Disposition").orElseThrow()).contains("brochure.pdf");
		assertThat(head.headers().firstValue("Content-Type")).contains("application/pdf");
		assertThat(head.headers().firstValue("Content-Length")).contains("17");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void meetingInviteesCanBeReadAndRemovedAndRegistrantsAdded() throws Exception {
		String start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
		String meetingId = client.json(ADMIN, "POST", "/v1/meetings", "{\"title\":\"Webinar\",\"scheduledType\":\"webinar\",\"sessionTypeId\":\"9\",\"start\":\"" + start
				+ "\",\"end\":\"" + Instant.parse(start).plus(Duration.ofHours(1)) + "\"}").get("id").asString();
		String inviteeId = client.json(ADMIN, "POST", "/v1/meetingInvitees", "{\"meetingId\":\"" + meetingId + "\",\"email\":\"rita@example.com\"}").get("id").asString();

		assertThat(client.json(ADMIN, "GET", "/v1/meetingInvitees/" + inviteeId, null).get("email").asString()).isEqualTo("rita@example.com");
		assertThat(client.call(AGENT, "GET", "/v1/meetingInvitees/" + inviteeId, null).statusCode()).isEqualTo(404);
		assertThat(client.call(ADMIN, "DELETE", "/v1/meetingInvitees/" + inviteeId, null).statusCode()).isEqualTo(204);
		assertThat(client.json(ADMIN, "GET", "/v1/meetingInvitees?meetingId=" + meetingId, null).get("items")).isEmpty();
		JsonNode registrant = client.json(ADMIN, "POST", "/v1/meetings/" + meetingId + "/registrants",
				"{\"firstName\":\"Rita\",\"lastName\":\"Ramos\",\"email\":\"rita@example.com\"}");
		assertThat(registrant.get("status").asString()).isEqualTo("approved");
		assertThat(client.json(ADMIN, "GET", "/v1/meetings/" + meetingId + "/registrants", null).get("items")).hasSize(1);
		assertThat(client.call(ADMIN, "POST", "/v1/meetings/" + meetingId + "/registrants", "{\"firstName\":\"No\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void anythingNotServedAnswersLikeAnUnknownPath() throws Exception {
		HttpResponse<String> unknownPath = client.call(AGENT, "GET", "/v1/nothing-here", null);
		HttpResponse<String> unknownMethod = client.call(AGENT, "PATCH", "/v1/rooms", "{}");
		assertThat(unknownPath.statusCode()).isEqualTo(404);
		assertThat(unknownMethod.statusCode()).isEqualTo(404);
		assertThat(SandboxClient.JSON.readTree(unknownMethod.body()).get("message").asString())
			.isEqualTo(SandboxClient.JSON.readTree(unknownPath.body()).get("message").asString());
	}

	// 6. Message content

	@Test
	void aMarkdownMessageCarriesHtmlAndPlainTextRepliesThreadAndAFileUrlIsFetched() throws Exception {
		String roomId = room(AGENT, "Content");
		JsonNode markdown = post(AGENT, roomId, "{\"markdown\":\"**Renewal** signed, see [terms](https://example.com/t)\"}");
		assertThat(markdown.get("html").asString()).isEqualTo("<p><strong>Renewal</strong> signed, see <a href=\"https://example.com/t\">terms</a></p>");
		assertThat(markdown.get("text").asString()).as("plain text").isEqualTo("Renewal signed, see terms");

		JsonNode reply = post(AGENT, roomId, "{\"text\":\"agreed\",\"parentId\":\"" + markdown.get("id").asString() + "\"}");
		assertThat(reply.get("parentId").asString()).isEqualTo(markdown.get("id").asString());
		assertThat(client.call(AGENT, "POST", "/v1/messages", "{\"roomId\":\"" + roomId + "\",\"text\":\"x\",\"parentId\":\"" + reply.get("id").asString() + "\"}").statusCode())
			.isEqualTo(400);

		JsonNode file = post(AGENT, roomId, "{\"text\":\"brochure\",\"files\":[\"" + fileUrl() + "\"]}");
		HttpResponse<String> download = client.call(AGENT, "GET", file.get("files").get(0).asString(), null);
		assertThat(download.body()).isEqualTo(WebhookReceiver.BROCHURE);
		assertThat(client.call(AGENT, "POST", "/v1/messages", "{\"roomId\":\"" + roomId + "\",\"files\":[\"https://example.com/x.pdf\"]}").statusCode())
			.isEqualTo(400);
	}

	// 7. Paging

	@Test
	void pagingIsAStableCursorOnTheHostTheClientCalled() throws Exception {
		String roomId = room(AGENT, "Paging");
		for (int i = 0; i < 5; i++) {
			post(AGENT, roomId, "{\"text\":\"m" + i + "\"}");
		}
		String otherHost = sandbox.baseUrl().replace("localhost", "127.0.0.1");
		HttpResponse<String> first = client.call(AGENT, "GET", otherHost + "/v1/messages?roomId=" + roomId + "&max=2", null);
		List<String> seen = new ArrayList<>(texts(SandboxClient.JSON.readTree(first.body())));
		String next = link(first);
		assertThat(next).startsWith(otherHost + "/v1/messages?");
		post(AGENT, roomId, "{\"text\":\"newer, between pages\"}");
		while (next != null) {
			HttpResponse<String> page = client.call(AGENT, "GET", next, null);
			seen.addAll(texts(SandboxClient.JSON.readTree(page.body())));
			next = link(page);
		}
		assertThat(seen).containsExactly("m4", "m3", "m2", "m1", "m0");

		JsonNode file = post(AGENT, roomId, "{\"text\":\"f\",\"files\":[\"" + fileUrl() + "\"]}");
		JsonNode viaOtherHost = SandboxClient.JSON.readTree(client.call(AGENT, "GET", otherHost + "/v1/messages/" + file.get("id").asString(), null).body());
		assertThat(viaOtherHost.get("files").get(0).asString()).startsWith(otherHost + "/v1/contents/");
	}

	// 8. Webhooks

	@Test
	void roomsAndMembershipsEventsAreDelivered() throws Exception {
		client.call(AGENT, "POST", "/v1/webhooks", hook("rooms", "all", null));
		client.call(AGENT, "POST", "/v1/webhooks", hook("memberships", "created", null));
		String roomId = room(AGENT, "Events");

		JsonNode created = next();
		assertThat(created.get("resource").asString() + "/" + created.get("event").asString()).isEqualTo("rooms/created");
		assertThat(created.get("data").get("id").asString()).isEqualTo(roomId);
		JsonNode joined = next();
		assertThat(joined.get("resource").asString() + "/" + joined.get("event").asString()).isEqualTo("memberships/created");
		assertThat(joined.get("data").get("roomId").asString()).isEqualTo(roomId);
		client.call(AGENT, "PUT", "/v1/rooms/" + roomId, "{\"title\":\"Renamed\"}");
		JsonNode updated = next();
		assertThat(updated.get("event").asString()).isEqualTo("updated");
		assertThat(updated.get("data").get("title").asString()).isEqualTo("Renamed");
	}

	@Test
	void orgLevelWebhooksNeedAnAdminAndHearTheWholeOrg() throws Exception {
		HttpResponse<String> byAgent = client.call(AGENT, "POST", "/v1/webhooks", hookOwnedByOrg("messages"));
		assertThat(byAgent.statusCode()).isEqualTo(403);
		assertThat(client.call(ADMIN, "POST", "/v1/webhooks", hookOwnedByOrg("telephony_calls")).statusCode()).isEqualTo(400);
		JsonNode hook = client.json(ADMIN, "POST", "/v1/webhooks", hookOwnedByOrg("messages"));
		assertThat(hook.get("ownedBy").asString()).isEqualTo("org");

		String roomId = room(AGENT, "Admin is not in here");
		post(AGENT, roomId, "{\"text\":\"compliance sees this\"}");
		JsonNode delivery = next();
		assertThat(delivery.get("ownedBy").asString()).isEqualTo("org");
		assertThat(delivery.get("data").get("roomId").asString()).isEqualTo(roomId);
		assertThat(client.json(ADMIN, "GET", "/v1/webhooks?ownedBy=org", null).get("items")).hasSize(1);
	}

	@Test
	void aWebhookCannotBeDeactivatedWithPut() throws Exception {
		JsonNode hook = client.json(AGENT, "POST", "/v1/webhooks", hook("messages", "created", null));
		HttpResponse<String> put = client.call(AGENT, "PUT", "/v1/webhooks/" + hook.get("id").asString(),
				"{\"name\":\"x\",\"targetUrl\":\"" + target() + "\",\"status\":\"inactive\"}");
		assertThat(put.statusCode()).isEqualTo(400);
		assertThat(client.json(AGENT, "GET", "/v1/webhooks/" + hook.get("id").asString(), null).get("status").asString()).isEqualTo("active");
	}

	// 9. Tokens

	@Test
	void tokensHaveWebexsThreePartsAndAuthorizationIsParsedStrictly() throws Exception {
		for (SeedPerson person : SeedPerson.DEMO) {
			String[] parts = person.token().split("_");
			assertThat(parts).hasSize(3);
			assertThat(parts[2]).isEqualTo(SeedPerson.ORG_UUID);
		}
		assertThat(status("Bearer " + AGENT)).isEqualTo(200);
		assertThat(status("bearer " + AGENT)).as("the scheme is case-insensitive (RFC 7235)").isEqualTo(200);
		assertThat(status("Bearer  " + AGENT)).isEqualTo(401);
		assertThat(status("Bearer " + AGENT + " extra")).isEqualTo(401);
		assertThat(status("Token " + AGENT)).isEqualTo(401);
		assertThat(status(AGENT)).isEqualTo(401);
		assertThat(status("Bearer sandbox-token-agent")).isEqualTo(401);
	}

	// 10. Telephony

	@Test
	void anAnsweredCallReportsItsEndpointFirstThenMuteStateAndLeavesAbsentFieldsOut() throws Exception {
		client.call(AGENT, "POST", "/v1/webhooks", hook("telephony_calls", "all", null));
		String callId = client.json(null, "POST", "/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+14155550142\"}")
			.get("callId").asString();
		client.call(AGENT, "POST", "/v1/telephony/calls/answer", "{\"callId\":\"" + callId + "\"}");
		client.call(AGENT, "POST", "/v1/telephony/calls/hangup", "{\"callId\":\"" + callId + "\"}");

		List<JsonNode> data = List.of(next().get("data"), next().get("data"), next().get("data"), next().get("data"));
		assertThat(data).extracting(d -> d.get("eventType").asString()).containsExactly("received", "updated", "answered", "disconnected");
		assertThat(data.get(1).get("endpointType").asString()).isEqualTo("APPLICATION");
		assertThat(data.get(1).get("endpointId").isString()).isTrue();
		assertThat(data.get(1).get("state").asString()).isEqualTo("alerting");
		assertThat(data.get(2).get("muteCapable").asBoolean()).isTrue();
		assertThat(data.get(2).get("muted").isBoolean()).isTrue();
		assertThat(data.get(0).get("remoteParty").has("name")).as("no caller name: left out, not null").isFalse();
		assertThat(client.call(AGENT, "GET", "/v1/telephony/calls/history", null).body()).doesNotContain("null");
	}

	@Test
	void injected503sCarryRetryAfterOnlyWhenAsked() throws Exception {
		client.call(null, "PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[503],\"retryAfterSeconds\":7}");
		HttpResponse<String> asked = client.call(AGENT, "GET", "/v1/people/me", null);
		client.call(null, "PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[503]}");
		HttpResponse<String> plain = client.call(AGENT, "GET", "/v1/people/me", null);

		assertThat(asked.statusCode()).isEqualTo(503);
		assertThat(asked.headers().firstValue("Retry-After")).contains("7");
		assertThat(plain.statusCode()).isEqualTo(503);
		assertThat(plain.headers().firstValue("Retry-After")).isEmpty();
	}

	// 11. Errors

	@Test
	void aMissingRequiredParameterIsA400NamingIt() throws Exception {
		HttpResponse<String> messages = client.call(AGENT, "GET", "/v1/messages", null);
		assertThat(messages.statusCode()).isEqualTo(400);
		assertThat(SandboxClient.JSON.readTree(messages.body()).get("message").asString()).contains("roomId");
		HttpResponse<String> participants = client.call(AGENT, "GET", "/v1/meetingParticipants", null);
		assertThat(participants.statusCode()).isEqualTo(400);
		assertThat(participants.body()).contains("meetingId");
		assertThat(client.call(AGENT, "GET", "/v1/people", null).statusCode()).isEqualTo(400);
	}

	// OpenAPI

	@Test
	void answersTheServerUsesMatchCiscosOpenApiDocuments() throws Exception {
		String roomId = room(AGENT, "Validated");
		client.call(AGENT, "POST", "/v1/memberships", "{\"roomId\":\"" + roomId + "\",\"personEmail\":\"viewer@switchboard.test\"}");
		String messageId = post(AGENT, roomId, "{\"markdown\":\"**hello** <@personEmail:viewer@switchboard.test|Val>\",\"files\":[\"" + fileUrl() + "\"]}")
			.get("id").asString();
		client.call(AGENT, "POST", "/v1/messages", "{\"toPersonEmail\":\"viewer@switchboard.test\",\"text\":\"direct\"}");
		String hookId = client.json(AGENT, "POST", "/v1/webhooks", hook("messages", "created", "roomId=" + roomId)).get("id").asString();
		String membershipId = client.json(AGENT, "GET", "/v1/memberships?roomId=" + roomId, null).get("items").get(0).get("id").asString();

		assertValid("get", "/people/me", "/v1/people/me");
		assertValid("get", "/people", "/v1/people?email=agent@switchboard.test");
		assertValid("get", "/rooms", "/v1/rooms");
		assertValid("get", "/rooms/{roomId}", "/v1/rooms/" + roomId);
		assertValid("get", "/memberships", "/v1/memberships?roomId=" + roomId);
		assertValid("get", "/memberships/{membershipId}", "/v1/memberships/" + membershipId);
		assertValid("get", "/messages", "/v1/messages?roomId=" + roomId);
		assertValid("get", "/messages/{messageId}", "/v1/messages/" + messageId);
		assertValid("get", "/messages/direct", "/v1/messages/direct?personEmail=viewer@switchboard.test");
		assertValid("get", "/webhooks", "/v1/webhooks");
		assertValid("get", "/webhooks/{webhookId}", "/v1/webhooks/" + hookId);
	}

	@Test
	void meetingAnswersTheServerUsesMatchCiscosOpenApiDocuments() throws Exception {
		String start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
		String meetingId = client.json(ADMIN, "POST", "/v1/meetings", "{\"title\":\"Validated\",\"scheduledType\":\"webinar\",\"sessionTypeId\":\"9\",\"start\":\""
				+ start + "\",\"end\":\"" + Instant.parse(start).plus(Duration.ofHours(1)) + "\",\"invitees\":[{\"email\":\"rita@example.com\"}]}")
			.get("id").asString();
		client.call(null, "POST", "/sandbox/meetings/" + meetingId + "/registrants", "{\"count\":3}");
		client.call(null, "POST", "/sandbox/meetings/" + meetingId + "/participants", "{\"count\":3}");

		assertValid(ADMIN, "meeting", "get", "/meetings", "/v1/meetings");
		assertValid(ADMIN, "meeting", "get", "/meetings/{meetingId}", "/v1/meetings/" + meetingId);
		assertValid(ADMIN, "meeting", "get", "/meetingInvitees", "/v1/meetingInvitees?meetingId=" + meetingId);
		assertValid(ADMIN, "meeting", "get", "/meetings/{meetingId}/registrants", "/v1/meetings/" + meetingId + "/registrants");
		assertValid(ADMIN, "meeting", "get", "/meetingParticipants", "/v1/meetingParticipants?meetingId=" + meetingId);
	}

	@Test
	void generatedWebinarPeopleMatchCiscosOpenApiDocumentsAndPageWithLinks() throws Exception {
		JsonNode webinar = client.json(null, "POST", "/sandbox/webinars", "{\"hostEmail\":\"admin@switchboard.test\",\"title\":\"Generated\","
				+ "\"start\":\"2026-01-05T16:00:00Z\",\"registrants\":250,\"invitees\":120,\"attendees\":101,\"withoutEmail\":2}");
		String id = webinar.get("id").asString();
		assertThat(webinar.get("scheduledType").asString()).isEqualTo("webinar");

		assertValid(ADMIN, "meeting", "get", "/meetings/{meetingId}", "/v1/meetings/" + id);
		assertValid(ADMIN, "meeting", "get", "/meetingInvitees", "/v1/meetingInvitees?meetingId=" + id + "&max=100");
		assertValid(ADMIN, "meeting", "get", "/meetings/{meetingId}/registrants", "/v1/meetings/" + id + "/registrants?max=100");
		assertValid(ADMIN, "meeting", "get", "/meetingParticipants", "/v1/meetingParticipants?meetingId=" + id + "&max=100");
		List<JsonNode> registrants = all("/v1/meetings/" + id + "/registrants?max=100");
		assertThat(registrants).hasSize(250);
		assertThat(registrants.stream().filter(r -> r.get("email").asString().isEmpty())).hasSize(2);
		assertThat(registrants.stream().map(r -> r.get("id").asString()).distinct()).hasSize(250);
		List<JsonNode> participants = all("/v1/meetingParticipants?meetingId=" + id + "&max=100");
		assertThat(participants).hasSize(101);
		assertThat(participants.get(0).get("email").asString()).isEqualTo(all("/v1/meetingInvitees?meetingId=" + id + "&max=100").get(0).get("email").asString());
		assertThat(client.call(null, "POST", "/sandbox/webinars", "{\"hostEmail\":\"admin@switchboard.test\",\"registrants\":200001}").statusCode()).isEqualTo(400);
	}

	private List<JsonNode> all(String first) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		String next = first;
		while (next != null) {
			HttpResponse<String> page = client.call(ADMIN, "GET", next, null);
			SandboxClient.JSON.readTree(page.body()).get("items").forEach(all::add);
			next = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
		}
		return all;
	}

	private void assertValid(String method, String specPath, String path) throws Exception {
		assertValid(AGENT, "messaging", method, specPath, path);
	}

	private void assertValid(String token, String spec, String method, String specPath, String path) throws Exception {
		HttpResponse<String> response = client.call(token, method.toUpperCase(), path, null);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(OpenApi.errors(spec, method, specPath, SandboxClient.JSON.readTree(response.body()))).as(path).isEmpty();
	}

	// Helpers

	private int status(String authorization) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/people/me")).header("Authorization", authorization).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String room(String token, String title) throws Exception {
		return client.json(token, "POST", "/v1/rooms", "{\"title\":\"" + title + "\"}").get("id").asString();
	}

	private static JsonNode post(String token, String roomId, String fields) throws Exception {
		HttpResponse<String> response = client.call(token, "POST", "/v1/messages", "{\"roomId\":\"" + roomId + "\"," + fields.substring(1));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return SandboxClient.JSON.readTree(response.body());
	}

	private static String personId(String token) throws Exception {
		return client.json(token, "GET", "/v1/people/me", null).get("id").asString();
	}

	private static List<String> texts(JsonNode page) {
		return page.get("items").values().stream().map(m -> m.get("text").asString()).toList();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").values().stream().map(m -> m.get("id").asString()).toList();
	}

	private static String link(HttpResponse<String> response) {
		return response.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
	}

	private String target() {
		return receiver.url("/hook");
	}

	private String fileUrl() {
		return receiver.url("/files/brochure.pdf");
	}

	private String hook(String resource, String event, String filter) {
		return "{\"name\":\"h\",\"targetUrl\":\"" + target() + "\",\"resource\":\"" + resource + "\",\"event\":\"" + event + "\""
				+ (filter == null ? "" : ",\"filter\":\"" + filter + "\"") + "}";
	}

	private String hookOwnedByOrg(String resource) {
		return "{\"name\":\"org\",\"targetUrl\":\"" + target() + "\",\"resource\":\"" + resource + "\",\"event\":\"all\",\"ownedBy\":\"org\"}";
	}

	private JsonNode next() throws Exception {
		WebhookReceiver.Delivery delivery = receiver.poll(5000);
		assertThat(delivery).as("a webhook delivery").isNotNull();
		return SandboxClient.JSON.readTree(delivery.body());
	}
}
