package org.switchboard.webex;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.switchboard.webex.client.WebexHttp;
import org.switchboard.webex.client.WebexResponse;

import tools.jackson.databind.JsonNode;

/**
 * The Webex REST API as Switchboard uses it, for the real Webex and the sandbox alike. Each call takes
 * the access token of the person (or bot) it acts for. JSON comes back as {@link JsonNode} with Webex's own
 * field names, so nothing is lost between Webex and the feature that reads it.
 */
public class WebexClient {

	private final WebexHttp http;

	public WebexClient(WebexHttp http) {
		this.http = http;
	}

	// --- people ---

	public JsonNode me(String token) {
		return get(token, "/people/me", Map.of());
	}

	public JsonNode person(String token, String personId) {
		return get(token, "/people/" + personId, Map.of());
	}

	// --- call control ---

	public JsonNode dial(String token, String destination) {
		return post(token, "/telephony/calls/dial", Map.of("destination", destination));
	}

	public void answer(String token, String callId) {
		post(token, "/telephony/calls/answer", Map.of("callId", callId));
	}

	public void hangup(String token, String callId) {
		post(token, "/telephony/calls/hangup", Map.of("callId", callId));
	}

	public void hold(String token, String callId) {
		post(token, "/telephony/calls/hold", Map.of("callId", callId));
	}

	public void resume(String token, String callId) {
		post(token, "/telephony/calls/resume", Map.of("callId", callId));
	}

	public List<JsonNode> activeCalls(String token) {
		return items(get(token, "/telephony/calls", Map.of()));
	}

	public JsonNode call(String token, String callId) {
		return get(token, "/telephony/calls/" + callId, Map.of());
	}

	/** Recent calls; {@code type} is placed, missed, received, or null for all. */
	public List<JsonNode> callHistory(String token, String type) {
		return items(get(token, "/telephony/calls/history", type == null ? Map.of() : Map.of("type", type)));
	}

	// --- webhooks ---

	public JsonNode createWebhook(String token, WebhookRequest request) {
		return post(token, "/webhooks", request.toJson());
	}

	public List<JsonNode> webhooks(String token) {
		return http.listAll(token, uri("/webhooks", Map.of("max", "100")));
	}

	public JsonNode webhook(String token, String webhookId) {
		return get(token, "/webhooks/" + webhookId, Map.of());
	}

	public JsonNode updateWebhook(String token, String webhookId, WebhookRequest request) {
		return http.send(token, HttpMethod.PUT, uri("/webhooks/" + webhookId, Map.of()), request.toJson());
	}

	public void deleteWebhook(String token, String webhookId) {
		http.send(token, HttpMethod.DELETE, uri("/webhooks/" + webhookId, Map.of()), null);
	}

	// --- rooms, memberships, messages ---

	public JsonNode createRoom(String token, String title) {
		return post(token, "/rooms", Map.of("title", title));
	}

	public JsonNode room(String token, String roomId) {
		return get(token, "/rooms/" + roomId, Map.of());
	}

	public List<JsonNode> rooms(String token, Map<String, String> query) {
		return http.listAll(token, uri("/rooms", query));
	}

	/** The first page of rooms only (e.g. the {@code max} most recently active with {@code sortBy=lastactivity}). */
	public List<JsonNode> roomsPage(String token, Map<String, String> query) {
		return items(get(token, "/rooms", query));
	}

	public JsonNode addMember(String token, String roomId, String personEmail) {
		return post(token, "/memberships", Map.of("roomId", roomId, "personEmail", personEmail));
	}

	public List<JsonNode> memberships(String token, String roomId) {
		return http.listAll(token, uri("/memberships", Map.of("roomId", roomId, "max", "100")));
	}

	public JsonNode postMessage(String token, String roomId, String text, String markdown) {
		Map<String, String> body = new java.util.LinkedHashMap<>();
		body.put("roomId", roomId);
		if (text != null) {
			body.put("text", text);
		}
		if (markdown != null) {
			body.put("markdown", markdown);
		}
		return post(token, "/messages", body);
	}

	/** Posts one file (multipart, as Webex wants local files) with optional text. */
	public JsonNode postFile(String token, String roomId, String text, String fileName, byte[] content) {
		return postFile(token, roomId, text, null, fileName, content);
	}

	/** Posts one file with optional text and/or markdown. */
	public JsonNode postFile(String token, String roomId, String text, String markdown, String fileName, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("roomId", roomId);
		if (text != null) {
			parts.add("text", text);
		}
		if (markdown != null) {
			parts.add("markdown", markdown);
		}
		parts.add("files", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return http.send(token, HttpMethod.POST, uri("/messages", Map.of()), parts);
	}

	/** One page of a room's messages, newest first; follow with {@code before}/{@code beforeMessage}. */
	public List<JsonNode> messages(String token, String roomId, int max, String beforeMessage) {
		Map<String, String> query = new java.util.LinkedHashMap<>(Map.of("roomId", roomId, "max", String.valueOf(max)));
		if (beforeMessage != null) {
			query.put("beforeMessage", beforeMessage);
		}
		return items(get(token, "/messages", query));
	}

	public List<JsonNode> allMessages(String token, String roomId) {
		return http.listAll(token, uri("/messages", Map.of("roomId", roomId, "max", "100")));
	}

	public JsonNode message(String token, String messageId) {
		return get(token, "/messages/" + messageId, Map.of());
	}

	/** Downloads an attachment from a message's {@code files} URL (only from the configured Webex). */
	public byte[] attachment(String token, URI contentUrl) {
		return http.exchange(token, HttpMethod.GET, contentUrl, null).body();
	}

	/** Downloads an attachment with the media type and file name Webex sends with it (only from the configured Webex). */
	public WebexContent content(String token, URI contentUrl) {
		WebexResponse response = http.exchange(token, HttpMethod.GET, contentUrl, null);
		org.springframework.http.MediaType type = response.headers().getContentType();
		return new WebexContent(response.body(), type == null ? null : type.toString(),
				response.headers().getContentDisposition().getFilename());
	}

	// --- meetings ---

	public JsonNode createMeeting(String token, Map<String, Object> meeting) {
		return post(token, "/meetings", meeting);
	}

	public JsonNode meeting(String token, String meetingId) {
		return get(token, "/meetings/" + meetingId, Map.of());
	}

	/** Meetings between {@code from} and {@code to} (ISO 8601) of a meetingType (meetingSeries, scheduledMeeting, meeting). */
	public List<JsonNode> meetings(String token, String from, String to, String meetingType) {
		return http.listAll(token, uri("/meetings", Map.of("from", from, "to", to, "meetingType", meetingType, "max", "100")));
	}

	public JsonNode updateMeeting(String token, String meetingId, Map<String, Object> meeting) {
		return http.send(token, HttpMethod.PUT, uri("/meetings/" + meetingId, Map.of()), meeting);
	}

	public void deleteMeeting(String token, String meetingId) {
		http.send(token, HttpMethod.DELETE, uri("/meetings/" + meetingId, Map.of()), null);
	}

	public List<JsonNode> meetingInvitees(String token, String meetingId) {
		return http.listAll(token, uri("/meetingInvitees", Map.of("meetingId", meetingId, "max", "100")));
	}

	public List<JsonNode> webinarRegistrants(String token, String meetingId) {
		return http.listAll(token, uri("/meetings/" + meetingId + "/registrants", Map.of("max", "100")));
	}

	public List<JsonNode> meetingParticipants(String token, String meetingId) {
		return http.listAll(token, uri("/meetingParticipants", Map.of("meetingId", meetingId, "max", "100")));
	}

	// --- meetings acting for a host: hostEmail (null for the token's own meetings) needs an admin's token ---

	/** Meetings matching {@code query} (meetingType, from, to, state, meetingSeriesId, hostEmail…), every page. */
	public List<JsonNode> meetings(String token, Map<String, String> query) {
		Map<String, String> all = new java.util.LinkedHashMap<>(query);
		all.putIfAbsent("max", "100");
		return http.listAll(token, uri("/meetings", all));
	}

	public JsonNode meeting(String token, String meetingId, String hostEmail) {
		return get(token, "/meetings/" + meetingId, host(hostEmail));
	}

	public void deleteMeeting(String token, String meetingId, String hostEmail) {
		http.send(token, HttpMethod.DELETE, uri("/meetings/" + meetingId, host(hostEmail)), null);
	}

	public List<JsonNode> meetingParticipants(String token, String meetingId, String hostEmail) {
		Map<String, String> query = new java.util.LinkedHashMap<>(Map.of("meetingId", meetingId, "max", "100"));
		query.putAll(host(hostEmail));
		return http.listAll(token, uri("/meetingParticipants", query));
	}

	/** Invites one person ({@code meetingId}, {@code email}, optional {@code displayName}, {@code hostEmail}). */
	public JsonNode inviteToMeeting(String token, Map<String, Object> invitee) {
		return post(token, "/meetingInvitees", invitee);
	}

	private static Map<String, String> host(String hostEmail) {
		return hostEmail == null ? Map.of() : Map.of("hostEmail", hostEmail);
	}

	// --- plumbing ---

	private JsonNode get(String token, String path, Map<String, String> query) {
		return http.send(token, HttpMethod.GET, uri(path, query), null);
	}

	private JsonNode post(String token, String path, Object body) {
		return http.send(token, HttpMethod.POST, uri(path, Map.of()), body);
	}

	private URI uri(String path, Map<String, String> query) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(http.baseUrl()).path(path);
		query.forEach(builder::queryParam);
		return builder.encode().build().toUri();
	}

	private static List<JsonNode> items(JsonNode body) {
		return body == null ? List.of() : stream(body.path("items"), Function.identity());
	}

	private static <T> List<T> stream(JsonNode array, Function<JsonNode, T> mapper) {
		List<T> list = new java.util.ArrayList<>();
		array.forEach(n -> list.add(mapper.apply(n)));
		return list;
	}
}
