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
 * the access token of the person (or bot) it acts for. People, calls, webhooks, messages and meetings come back as
 * typed records ({@link WebexPerson}, {@link WebexCall}, {@link WebexWebhook}, {@link WebexMessage}, {@link WebexMeeting}),
 * so features never walk Webex's JSON; rooms and memberships are still {@link JsonNode}.
 */
public class WebexClient {

	private final WebexHttp http;

	public WebexClient(WebexHttp http) {
		this.http = http;
	}

	// --- people ---

	public WebexPerson me(String token) {
		return WebexPerson.from(get(token, "/people/me", Map.of()));
	}

	public WebexPerson person(String token, String personId) {
		return WebexPerson.from(get(token, "/people/" + personId, Map.of()));
	}

	// --- call control ---

	/** Webex answers {@code callId} and {@code callSessionId} only. */
	public WebexCall dial(String token, String destination) {
		return WebexCall.from(post(token, "/telephony/calls/dial", Map.of("destination", destination)));
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

	public List<WebexCall> activeCalls(String token) {
		return items(get(token, "/telephony/calls", Map.of())).stream().map(WebexCall::from).toList();
	}

	public WebexCall call(String token, String callId) {
		return WebexCall.from(get(token, "/telephony/calls/" + callId, Map.of()));
	}

	/** Recent calls; {@code type} is placed, missed, received, or null for all. */
	public List<WebexCall.HistoryEntry> callHistory(String token, String type) {
		return items(get(token, "/telephony/calls/history", type == null ? Map.of() : Map.of("type", type))).stream()
			.map(WebexCall.HistoryEntry::from).toList();
	}

	// --- webhooks ---

	public WebexWebhook createWebhook(String token, WebhookRequest request) {
		return WebexWebhook.from(post(token, "/webhooks", request.toJson()));
	}

	public List<WebexWebhook> webhooks(String token) {
		return http.listAll(token, uri("/webhooks", Map.of("max", "100"))).stream().map(WebexWebhook::from).toList();
	}

	public WebexWebhook webhook(String token, String webhookId) {
		return WebexWebhook.from(get(token, "/webhooks/" + webhookId, Map.of()));
	}

	public WebexWebhook updateWebhook(String token, String webhookId, WebhookRequest request) {
		return WebexWebhook.from(http.send(token, HttpMethod.PUT, uri("/webhooks/" + webhookId, Map.of()), request.toJson()));
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

	/** Removes a membership (a bot leaves a room by deleting its own). */
	public void deleteMembership(String token, String membershipId) {
		http.send(token, HttpMethod.DELETE, uri("/memberships/" + membershipId, Map.of()), null);
	}

	public WebexMessage postMessage(String token, String roomId, String text, String markdown) {
		Map<String, String> body = new java.util.LinkedHashMap<>();
		body.put("roomId", roomId);
		if (text != null) {
			body.put("text", text);
		}
		if (markdown != null) {
			body.put("markdown", markdown);
		}
		return WebexMessage.from(post(token, "/messages", body));
	}

	/** Posts one file (multipart, as Webex wants local files) with optional text. */
	public WebexMessage postFile(String token, String roomId, String text, String fileName, byte[] content) {
		return postFile(token, roomId, text, null, fileName, content);
	}

	/** Posts one file with optional text and/or markdown. */
	public WebexMessage postFile(String token, String roomId, String text, String markdown, String fileName, byte[] content) {
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
		return WebexMessage.from(http.send(token, HttpMethod.POST, uri("/messages", Map.of()), parts));
	}

	/** One page of a room's messages, newest first; follow with {@code before}/{@code beforeMessage}. */
	public List<WebexMessage> messages(String token, String roomId, int max, String beforeMessage) {
		Map<String, String> query = new java.util.LinkedHashMap<>(Map.of("roomId", roomId, "max", String.valueOf(max)));
		if (beforeMessage != null) {
			query.put("beforeMessage", beforeMessage);
		}
		return items(get(token, "/messages", query)).stream().map(WebexMessage::from).toList();
	}

	public List<WebexMessage> allMessages(String token, String roomId) {
		return http.listAll(token, uri("/messages", Map.of("roomId", roomId, "max", "100"))).stream().map(WebexMessage::from).toList();
	}

	public WebexMessage message(String token, String messageId) {
		return WebexMessage.from(get(token, "/messages/" + messageId, Map.of()));
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

	public WebexMeeting createMeeting(String token, Map<String, Object> meeting) {
		return WebexMeeting.from(post(token, "/meetings", meeting));
	}

	public WebexMeeting meeting(String token, String meetingId) {
		return WebexMeeting.from(get(token, "/meetings/" + meetingId, Map.of()));
	}

	/** Meetings between {@code from} and {@code to} (ISO 8601) of a meetingType (meetingSeries, scheduledMeeting, meeting). */
	public List<WebexMeeting> meetings(String token, String from, String to, String meetingType) {
		return http.listAll(token, uri("/meetings", Map.of("from", from, "to", to, "meetingType", meetingType, "max", "100"))).stream()
			.map(WebexMeeting::from).toList();
	}

	public WebexMeeting updateMeeting(String token, String meetingId, Map<String, Object> meeting) {
		return WebexMeeting.from(http.send(token, HttpMethod.PUT, uri("/meetings/" + meetingId, Map.of()), meeting));
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

	// --- OAuth (an integration acting for each user) ---

	/** The browser's sign-in and consent page: {@code /authorize} with the client id, scopes, redirect URI and state. */
	public URI authorizeUri(String clientId, String redirectUri, java.util.Collection<String> scopes, String state) {
		Map<String, String> query = new java.util.LinkedHashMap<>();
		query.put("client_id", clientId);
		query.put("response_type", "code");
		query.put("redirect_uri", redirectUri);
		query.put("scope", String.join(" ", scopes));
		query.put("state", state);
		return uri("/authorize", query);
	}

	/** {@code POST /access_token}: a code or refresh token for tokens; the form carries the client secret, so it is never logged. */
	public JsonNode accessToken(MultiValueMap<String, String> form) {
		return http.postForm(uri("/access_token", Map.of()), form);
	}

	/** Lets a 401 be answered once with a renewed token (see {@link WebexHttp#renewTokensWith}). */
	public void renewTokensWith(WebexHttp.TokenRenewal renewal) {
		http.renewTokensWith(renewal);
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
