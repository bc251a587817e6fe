package dev.switchboard.sandbox.spaces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.sandbox.Clock;
import dev.switchboard.sandbox.WebexIds;
import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Multipart;
import dev.switchboard.sandbox.http.Paging;
import dev.switchboard.sandbox.http.Request;
import dev.switchboard.sandbox.http.Response;
import dev.switchboard.sandbox.http.Router;
import dev.switchboard.sandbox.people.People;
import dev.switchboard.sandbox.people.Person;
import dev.switchboard.sandbox.webhooks.Webhooks;

import tools.jackson.databind.JsonNode;

/**
 * Rooms, memberships and text/markdown messages ({@code /v1/rooms}, {@code /v1/memberships},
 * {@code /v1/messages}), with {@code messages} and {@code memberships} webhooks. A bot sees a group
 * space's messages only when it is mentioned, as in Webex.
 */
public class Spaces {

	private static final int MESSAGE_LIMIT_BYTES = 7439;
	static final long FILE_LIMIT_BYTES = 100L * 1024 * 1024;

	private final Map<String, Map<String, Object>> rooms = new ConcurrentHashMap<>();
	private final List<Map<String, Object>> memberships = new CopyOnWriteArrayList<>();
	private final List<Map<String, Object>> messages = new CopyOnWriteArrayList<>();
	private final Map<String, Multipart.Part> contents = new ConcurrentHashMap<>();
	private final Map<String, String> contentRooms = new ConcurrentHashMap<>();
	private final People people;
	private final Webhooks webhooks;
	private final String baseUrl;

	public Spaces(People people, Webhooks webhooks, String baseUrl) {
		this.people = people;
		this.webhooks = webhooks;
		this.baseUrl = baseUrl;
	}

	public void routes(Router router) {
		router.on("POST", "/v1/rooms", this::createRoom)
			.on("GET", "/v1/rooms", r -> Paging.page(r, baseUrl, roomsOf(people.caller(r)), 100, 1000))
			.on("GET", "/v1/rooms/{roomId}", r -> Response.ok(visibleRoom(r, r.path("roomId"))))
			.on("POST", "/v1/memberships", this::addMember)
			.on("GET", "/v1/memberships", this::listMemberships)
			.on("DELETE", "/v1/memberships/{membershipId}", this::deleteMembership)
			.on("POST", "/v1/messages", this::postMessage)
			.on("GET", "/v1/messages", this::listMessages)
			.on("GET", "/v1/messages/{messageId}", r -> Response.ok(visibleMessage(r, r.path("messageId"))))
			.on("GET", "/v1/contents/{contentId}", this::content);
	}

	public void clear() {
		rooms.clear();
		memberships.clear();
		messages.clear();
		contents.clear();
		contentRooms.clear();
	}

	private Response createRoom(Request request) {
		Person caller = people.caller(request);
		String title = request.required(request.json(), "title");
		Map<String, Object> room = new LinkedHashMap<>();
		room.put("id", WebexIds.of("ROOM"));
		room.put("title", title);
		room.put("type", "group");
		room.put("isLocked", false);
		room.put("lastActivity", Clock.now());
		room.put("creatorId", caller.id());
		room.put("created", room.get("lastActivity"));
		room.put("ownerId", caller.orgId());
		room.put("isAnnouncementOnly", false);
		room.put("isReadOnly", false);
		rooms.put((String) room.get("id"), room);
		join(room, caller, caller);
		return Response.ok(room);
	}

	private Response addMember(Request request) {
		Person caller = people.caller(request);
		JsonNode body = request.json();
		Map<String, Object> room = visibleRoom(request, request.required(body, "roomId"));
		String email = body.path("personEmail").asString(null);
		Person person = email != null ? people.byEmail(email).orElseThrow(() -> ApiError.badRequest("No Webex account for " + email))
				: people.byId(request.required(body, "personId"));
		if (isMember(room, person)) {
			throw new ApiError(409, "Person is already in the room");
		}
		return Response.ok(join(room, person, caller));
	}

	private Map<String, Object> join(Map<String, Object> room, Person person, Person actor) {
		Map<String, Object> membership = new LinkedHashMap<>();
		membership.put("id", WebexIds.of("MEMBERSHIP"));
		membership.put("roomId", room.get("id"));
		membership.put("personId", person.id());
		membership.put("personEmail", person.email());
		membership.put("personDisplayName", person.displayName());
		membership.put("personOrgId", person.orgId());
		membership.put("isModerator", false);
		membership.put("isRoomHidden", false);
		membership.put("roomType", room.get("type"));
		membership.put("created", Clock.now());
		memberships.add(membership);
		membersOf(room).forEach(m -> webhooks.publish(m.id(), "memberships", "created", actor.id(), membership));
		return membership;
	}

	private Response listMemberships(Request request) {
		Map<String, Object> room = visibleRoom(request, request.query("roomId") == null ? "" : request.query("roomId"));
		List<Object> list = new ArrayList<>(memberships.stream().filter(m -> m.get("roomId").equals(room.get("id"))).toList());
		return Paging.page(request, baseUrl, list, 100, 1000);
	}

	/** Any member may remove a membership of a room they are in (a bot leaves by deleting its own); a {@code memberships deleted} event follows. */
	private Response deleteMembership(Request request) {
		Person caller = people.caller(request);
		Map<String, Object> membership = memberships.stream().filter(m -> m.get("id").equals(request.path("membershipId"))).findFirst()
			.filter(m -> isMember(rooms.get((String) m.get("roomId")), caller))
			.orElseThrow(() -> ApiError.notFound("No membership " + request.path("membershipId")));
		List<Person> notified = membersOf(rooms.get((String) membership.get("roomId")));
		memberships.remove(membership);
		notified.forEach(m -> webhooks.publish(m.id(), "memberships", "deleted", caller.id(), membership));
		return Response.noContent();
	}

	private Response postMessage(Request request) {
		return Multipart.is(request) ? postFile(request) : postJson(request);
	}

	/** One local file as {@code multipart/form-data}: parts roomId, optional text/markdown, and files. */
	private Response postFile(Request request) {
		Person caller = people.caller(request);
		Map<String, Multipart.Part> parts = new LinkedHashMap<>();
		Multipart.parse(request).forEach(p -> parts.putIfAbsent(p.name(), p));
		Multipart.Part file = parts.get("files");
		if (parts.get("roomId") == null || file == null || file.fileName() == null) {
			throw ApiError.badRequest("roomId and one file in the files part are required");
		}
		if (file.content().length > FILE_LIMIT_BYTES) {
			throw new ApiError(413, "Files may be at most 100 MB");
		}
		Map<String, Object> room = visibleRoom(request, parts.get("roomId").text());
		String contentId = WebexIds.of("CONTENT");
		contents.put(contentId, file);
		contentRooms.put(contentId, (String) room.get("id"));
		String text = parts.containsKey("text") ? parts.get("text").text() : null;
		String markdown = parts.containsKey("markdown") ? parts.get("markdown").text() : null;
		Map<String, Object> message = message(room, caller, text == null && markdown == null ? "" : text, markdown);
		message.put("files", List.of(baseUrl + "/v1/contents/" + contentId));
		return publish(room, caller, message);
	}

	private Response content(Request request) {
		String contentId = request.path("contentId");
		Multipart.Part file = contents.get(contentId);
		if (file == null) {
			throw ApiError.notFound("No content " + contentId);
		}
		visibleRoom(request, contentRooms.get(contentId));
		return Response.bytes(file.content(), file.contentType(), file.fileName());
	}

	private Response postJson(Request request) {
		Person caller = people.caller(request);
		JsonNode body = request.json();
		Map<String, Object> room = visibleRoom(request, request.required(body, "roomId"));
		String text = body.path("text").asString(null);
		String markdown = body.path("markdown").asString(null);
		if (text == null && markdown == null && !body.has("files")) {
			throw ApiError.badRequest("text, markdown or files is required");
		}
		if ((text != null && text.getBytes().length > MESSAGE_LIMIT_BYTES) || (markdown != null && markdown.getBytes().length > MESSAGE_LIMIT_BYTES)) {
			throw ApiError.badRequest("A message may have at most " + MESSAGE_LIMIT_BYTES + " bytes of text");
		}
		return publish(room, caller, message(room, caller, text, markdown));
	}

	private Response publish(Map<String, Object> room, Person caller, Map<String, Object> message) {
		messages.add(0, message);
		room.put("lastActivity", message.get("created"));
		Map<String, Object> data = new LinkedHashMap<>(message);
		data.remove("text");
		data.remove("markdown");
		membersOf(room).stream().filter(m -> seesMessage(m, room, message))
			.forEach(m -> webhooks.publish(m.id(), "messages", "created", caller.id(), data));
		return Response.ok(message);
	}

	private Map<String, Object> message(Map<String, Object> room, Person caller, String text, String markdown) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", WebexIds.of("MESSAGE"));
		message.put("roomId", room.get("id"));
		message.put("roomType", room.get("type"));
		message.put("text", text != null ? text : markdown);
		if (markdown != null) {
			message.put("markdown", markdown);
		}
		message.put("personId", caller.id());
		message.put("personEmail", caller.email());
		List<String> mentioned = people.all().stream().filter(p -> "bot".equals(p.type()))
			.filter(p -> (text + " " + markdown).contains(p.displayName()) || (text + " " + markdown).contains(p.email()))
			.map(Person::id).toList();
		if (!mentioned.isEmpty()) {
			message.put("mentionedPeople", mentioned);
		}
		message.put("created", Clock.now());
		return message;
	}

	private Response listMessages(Request request) {
		Person caller = people.caller(request);
		Map<String, Object> room = visibleRoom(request, request.query("roomId") == null ? "" : request.query("roomId"));
		String before = request.query("beforeMessage");
		boolean mentionedMe = "me".equals(request.query("mentionedPeople"));
		if ("bot".equals(caller.type()) && "group".equals(room.get("type")) && !mentionedMe) {
			throw new ApiError(403, "Bots can only list messages that mention them: add mentionedPeople=me");
		}
		List<Object> list = new ArrayList<>();
		boolean reached = before == null;
		for (Map<String, Object> m : messages) {
			if (!m.get("roomId").equals(room.get("id"))) {
				continue;
			}
			if (!reached) {
				reached = m.get("id").equals(before);
				continue;
			}
			if (!mentionedMe || seesMessage(caller, room, m)) {
				list.add(m);
			}
		}
		return Paging.page(request, baseUrl, list, 50, 1000);
	}

	private boolean seesMessage(Person person, Map<String, Object> room, Map<String, Object> message) {
		if (!"bot".equals(person.type()) || !"group".equals(room.get("type")) || person.id().equals(message.get("personId"))) {
			return true;
		}
		Object mentioned = message.get("mentionedPeople");
		return mentioned instanceof List<?> ids && ids.contains(person.id());
	}

	private Map<String, Object> visibleMessage(Request request, String messageId) {
		Map<String, Object> message = messages.stream().filter(m -> m.get("id").equals(messageId)).findFirst()
			.orElseThrow(() -> ApiError.notFound("No message " + messageId));
		visibleRoom(request, (String) message.get("roomId"));
		return message;
	}

	private Map<String, Object> visibleRoom(Request request, String roomId) {
		Person caller = people.caller(request);
		Map<String, Object> room = rooms.get(roomId);
		if (room == null || !isMember(room, caller)) {
			throw ApiError.notFound("No room " + roomId);
		}
		return room;
	}

	private boolean isMember(Map<String, Object> room, Person person) {
		return memberships.stream().anyMatch(m -> m.get("roomId").equals(room.get("id")) && m.get("personId").equals(person.id()));
	}

	private List<Person> membersOf(Map<String, Object> room) {
		return memberships.stream().filter(m -> m.get("roomId").equals(room.get("id")))
			.map(m -> people.byId((String) m.get("personId"))).toList();
	}

	private List<Object> roomsOf(Person caller) {
		return new ArrayList<>(rooms.values().stream().filter(r -> isMember(r, caller)).toList());
	}
}
