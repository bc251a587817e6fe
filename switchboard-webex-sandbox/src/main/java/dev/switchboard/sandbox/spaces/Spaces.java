package dev.switchboard.sandbox.spaces;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

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
 * Rooms (group and direct), memberships and messages ({@code /v1/rooms}, {@code /v1/memberships},
 * {@code /v1/messages}, {@code /v1/contents}) with {@code rooms}, {@code memberships} and {@code messages}
 * webhooks. A bot sees a group space's messages only when it is mentioned, as in Webex.
 */
public class Spaces {

	private static final int MESSAGE_LIMIT_BYTES = 7439;
	private static final int MAX_EDITS = 10;
	static final long FILE_LIMIT_BYTES = 100L * 1024 * 1024;

	private final Map<String, Room> rooms = new ConcurrentHashMap<>();
	private final Map<String, Membership> memberships = new ConcurrentHashMap<>();
	private final Map<String, List<Membership>> membershipsByRoom = new ConcurrentHashMap<>();
	private final Map<String, Message> messages = new ConcurrentHashMap<>();
	private final Map<String, List<Message>> messagesByRoom = new ConcurrentHashMap<>();
	private final Map<String, Room> directRooms = new ConcurrentHashMap<>();
	private final Map<String, Multipart.Part> contents = new ConcurrentHashMap<>();
	private final Map<String, String> contentRooms = new ConcurrentHashMap<>();
	private final AtomicLong sequence = new AtomicLong();
	private final People people;
	private final Webhooks webhooks;

	public Spaces(People people, Webhooks webhooks) {
		this.people = people;
		this.webhooks = webhooks;
	}

	public void routes(Router router) {
		router.on("POST", "/v1/rooms", this::createRoom)
			.on("GET", "/v1/rooms", this::listRooms)
			.on("GET", "/v1/rooms/{roomId}", r -> Response.ok(view(visibleRoom(r, r.path("roomId")), people.caller(r))))
			.on("PUT", "/v1/rooms/{roomId}", this::updateRoom)
			.on("DELETE", "/v1/rooms/{roomId}", this::deleteRoom)
			.on("POST", "/v1/memberships", this::addMember)
			.on("GET", "/v1/memberships", this::listMemberships)
			.on("GET", "/v1/memberships/{membershipId}", r -> Response.ok(visibleMembership(r).toJson()))
			.on("PUT", "/v1/memberships/{membershipId}", this::updateMembership)
			.on("DELETE", "/v1/memberships/{membershipId}", this::deleteMembership)
			.on("POST", "/v1/messages", this::postMessage)
			.on("GET", "/v1/messages", this::listMessages)
			.on("GET", "/v1/messages/direct", this::listDirect)
			.on("GET", "/v1/messages/{messageId}", r -> Response.ok(visibleMessage(r, r.path("messageId")).toJson(r.baseUrl())))
			.on("PUT", "/v1/messages/{messageId}", this::editMessage)
			.on("DELETE", "/v1/messages/{messageId}", this::deleteMessage)
			.on("GET", "/v1/contents/{contentId}", this::content)
			.on("HEAD", "/v1/contents/{contentId}", this::content);
	}

	public void clear() {
		rooms.clear();
		memberships.clear();
		membershipsByRoom.clear();
		messages.clear();
		messagesByRoom.clear();
		directRooms.clear();
		contents.clear();
		contentRooms.clear();
	}

	// Rooms

	private Response createRoom(Request request) {
		Person caller = people.caller(request);
		JsonNode body = request.json();
		String title = request.required(body, "title");
		boolean locked = body.path("isLocked").asBoolean(false);
		Room room = new Room(WebexIds.of("ROOM"), "group", title, caller.id(), Clock.now(), caller.orgId(), sequence.incrementAndGet());
		room.locked = locked;
		room.announcementOnly = locked && body.path("isAnnouncementOnly").asBoolean(false);
		rooms.put(room.id, room);
		announceRoom(room, "created", caller, List.of(caller));
		join(room, caller, caller, locked);
		return Response.ok(view(room, caller));
	}

	private Response listRooms(Request request) {
		Person caller = people.caller(request);
		String type = request.query("type");
		if (type != null && !type.equals("direct") && !type.equals("group")) {
			throw ApiError.badRequest("type must be direct or group");
		}
		String sortBy = request.query("sortBy") == null ? "id" : request.query("sortBy");
		Function<Room, String> position = switch (sortBy) {
			case "id" -> r -> r.id;
			case "lastactivity" -> r -> Paging.descending(r.activity) + r.id;
			case "created" -> r -> Paging.descending(r.sequence);
			default -> throw ApiError.badRequest("sortBy must be id, lastactivity or created");
		};
		List<Room> list = rooms.values().stream().filter(r -> isMember(r, caller))
			.filter(r -> type == null || type.equals(r.type)).sorted(Comparator.comparing(position)).toList();
		return Paging.page(request, list, position, r -> view(r, caller), 100, 1000);
	}

	private Response updateRoom(Request request) {
		Person caller = people.caller(request);
		Room room = visibleRoom(request, request.path("roomId"));
		JsonNode body = request.json();
		String title = request.required(body, "title");
		if (room.direct()) {
			throw ApiError.badRequest("A direct room's title is the other person's name and cannot be changed");
		}
		requireModeratorIfLocked(room, caller);
		boolean locked = body.path("isLocked").asBoolean(room.locked);
		boolean announcementOnly = body.path("isAnnouncementOnly").asBoolean(room.announcementOnly);
		if (announcementOnly && !locked) {
			throw ApiError.badRequest("A space can only be put into announcement mode when it is locked");
		}
		room.title = title;
		room.locked = locked;
		room.announcementOnly = announcementOnly;
		announceRoom(room, "updated", caller, membersOf(room));
		return Response.ok(view(room, caller));
	}

	private Response deleteRoom(Request request) {
		Person caller = people.caller(request);
		Room room = visibleRoom(request, request.path("roomId"));
		if (room.direct()) {
			throw ApiError.badRequest("A direct room cannot be deleted");
		}
		if (!room.creatorId.equals(caller.id()) && !isModerator(room, caller)) {
			throw new ApiError(403, "Only the room's creator or a moderator can delete it");
		}
		List<Person> members = membersOf(room);
		rooms.remove(room.id);
		membershipsByRoom.getOrDefault(room.id, List.of()).forEach(m -> memberships.remove(m.id));
		membershipsByRoom.remove(room.id);
		messagesByRoom.getOrDefault(room.id, List.of()).forEach(m -> messages.remove(m.id));
		messagesByRoom.remove(room.id);
		announceRoom(room, "deleted", caller, members);
		return Response.noContent();
	}

	private void announceRoom(Room room, String event, Person actor, List<Person> audience) {
		audience.forEach(p -> webhooks.publish(p.id(), "rooms", event, actor.id(), view(room, p)));
		webhooks.publishToOrg(room.ownerId, "rooms", event, actor.id(), room.toJson(null));
	}

	private Map<String, Object> view(Room room, Person viewer) {
		if (!room.direct()) {
			return room.toJson(null);
		}
		String other = members(room).map(m -> m.person).filter(p -> !p.id().equals(viewer.id()))
			.map(Person::displayName).findFirst().orElse(viewer.displayName());
		return room.toJson(other);
	}

	// Memberships

	private Response addMember(Request request) {
		Person caller = people.caller(request);
		JsonNode body = request.json();
		Room room = visibleRoom(request, request.required(body, "roomId"));
		String email = body.path("personEmail").asString(null);
		String personId = body.path("personId").asString(null);
		if (email == null && personId == null) {
			throw ApiError.badRequest("personId or personEmail is required");
		}
		Person person = email != null ? people.byEmail(email).orElseThrow(() -> ApiError.badRequest("No Webex account for " + email))
				: people.find(personId).orElseThrow(() -> ApiError.notFound("No person " + personId));
		if (room.direct()) {
			throw ApiError.badRequest("People cannot be added to a direct room");
		}
		requireModeratorIfLocked(room, caller);
		if (isMember(room, person)) {
			throw new ApiError(409, "Person is already in the room");
		}
		return Response.ok(join(room, person, caller, body.path("isModerator").asBoolean(false)).toJson());
	}

	private Membership join(Room room, Person person, Person actor, boolean moderator) {
		Membership membership = new Membership(WebexIds.of("MEMBERSHIP"), room, person, moderator, Clock.now(), sequence.incrementAndGet());
		memberships.put(membership.id, membership);
		membershipsByRoom.computeIfAbsent(room.id, k -> Collections.synchronizedList(new ArrayList<>())).add(membership);
		announceMembership(membership, "created", actor, membersOf(room));
		return membership;
	}

	private Response listMemberships(Request request) {
		Person caller = people.caller(request);
		String roomId = request.query("roomId");
		String personId = request.query("personId");
		String personEmail = request.query("personEmail");
		Stream<Membership> found;
		if (roomId == null) {
			if (personId != null || personEmail != null) {
				throw ApiError.badRequest("roomId is required when listing by personId or personEmail");
			}
			found = memberships.values().stream().filter(m -> m.person.id().equals(caller.id()));
		}
		else {
			found = members(visibleRoom(request, roomId))
				.filter(m -> personId == null || m.person.id().equals(personId))
				.filter(m -> personEmail == null || m.person.email().equalsIgnoreCase(personEmail));
		}
		List<Membership> list = found.sorted(Comparator.comparingLong(m -> m.sequence)).toList();
		return Paging.page(request, list, m -> Paging.ascending(m.sequence), Membership::toJson, 100, 1000);
	}

	private Response updateMembership(Request request) {
		Person caller = people.caller(request);
		Membership membership = visibleMembership(request);
		JsonNode body = request.json();
		for (String field : List.of("isModerator", "isRoomHidden")) {
			if (!body.path(field).isBoolean()) {
				throw ApiError.badRequest(field + " is required and must be true or false");
			}
		}
		boolean moderator = body.path("isModerator").asBoolean();
		if (moderator != membership.moderator) {
			if (membership.room.direct()) {
				throw ApiError.badRequest("A direct room has no moderators");
			}
			requireModeratorIfLocked(membership.room, caller);
		}
		membership.moderator = moderator;
		membership.roomHidden = body.path("isRoomHidden").asBoolean();
		announceMembership(membership, "updated", caller, membersOf(membership.room));
		return Response.ok(membership.toJson());
	}

	private Response deleteMembership(Request request) {
		Person caller = people.caller(request);
		Membership membership = visibleMembership(request);
		if (membership.room.direct()) {
			throw ApiError.badRequest("Nobody can leave or be removed from a direct room");
		}
		if (!membership.person.id().equals(caller.id())) {
			requireModeratorIfLocked(membership.room, caller);
		}
		List<Person> audience = membersOf(membership.room);
		memberships.remove(membership.id);
		membershipsByRoom.getOrDefault(membership.room.id, new ArrayList<>()).remove(membership);
		announceMembership(membership, "deleted", caller, audience);
		return Response.noContent();
	}

	private void announceMembership(Membership membership, String event, Person actor, List<Person> audience) {
		audience.forEach(p -> webhooks.publish(p.id(), "memberships", event, actor.id(), membership.toJson()));
		webhooks.publishToOrg(membership.room.ownerId, "memberships", event, actor.id(), membership.toJson());
	}

	private Membership visibleMembership(Request request) {
		Person caller = people.caller(request);
		Membership membership = memberships.get(request.path("membershipId"));
		if (membership == null || !isMember(membership.room, caller)) {
			throw ApiError.notFound("No membership " + request.path("membershipId"));
		}
		return membership;
	}

	private void requireModeratorIfLocked(Room room, Person caller) {
		if (room.locked && !isModerator(room, caller)) {
			throw new ApiError(403, "Only a moderator can do this in a locked (moderated) space");
		}
	}

	// Messages

	private Response postMessage(Request request) {
		return Multipart.is(request) ? postFile(request) : postJson(request);
	}

	/** One local file as {@code multipart/form-data}: parts roomId (or toPersonId/toPersonEmail), text/markdown, files. */
	private Response postFile(Request request) {
		Person caller = people.caller(request);
		Map<String, Multipart.Part> parts = new LinkedHashMap<>();
		Multipart.parse(request).forEach(p -> parts.putIfAbsent(p.name(), p));
		Multipart.Part file = parts.get("files");
		if (file == null || file.fileName() == null) {
			throw ApiError.badRequest("files is required: one file in the files part");
		}
		if (file.content().length > FILE_LIMIT_BYTES) {
			throw new ApiError(413, "Files may be at most 100 MB");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (String name : List.of("roomId", "toPersonId", "toPersonEmail", "parentId", "text", "markdown")) {
			if (parts.containsKey(name)) {
				fields.put(name, parts.get(name).text());
			}
		}
		return post(request, caller, fields, file);
	}

	private Response postJson(Request request) {
		Person caller = people.caller(request);
		JsonNode body = request.json();
		Map<String, String> fields = new LinkedHashMap<>();
		for (String name : List.of("roomId", "toPersonId", "toPersonEmail", "parentId", "text", "markdown")) {
			if (body.hasNonNull(name)) {
				fields.put(name, body.path(name).asString());
			}
		}
		Multipart.Part file = null;
		if (body.has("files")) {
			JsonNode files = body.path("files");
			if (!files.isArray() || files.size() != 1 || !files.get(0).isString()) {
				throw ApiError.badRequest("files must hold exactly one URL");
			}
			file = RemoteFile.fetch(files.get(0).asString());
		}
		if (fields.get("text") == null && fields.get("markdown") == null && file == null) {
			throw ApiError.badRequest("text, markdown or files is required");
		}
		return post(request, caller, fields, file);
	}

	private Response post(Request request, Person caller, Map<String, String> fields, Multipart.Part file) {
		checkLength(fields.get("text"), fields.get("markdown"));
		Room room = target(request, caller, fields);
		if (room.announcementOnly && !isModerator(room, caller)) {
			throw new ApiError(403, "Only moderators can post in an announcement-only space");
		}
		String parentId = fields.get("parentId");
		if (parentId != null) {
			Message parent = messages.get(parentId);
			if (parent == null || parent.room != room) {
				throw ApiError.badRequest("parentId is not a message in this room");
			}
			if (parent.parentId != null) {
				throw ApiError.badRequest("A reply cannot have replies: use the thread's first message as parentId");
			}
		}
		List<String> files = new ArrayList<>();
		if (file != null) {
			String contentId = WebexIds.of("CONTENT");
			contents.put(contentId, file);
			contentRooms.put(contentId, room.id);
			files.add(contentId);
		}
		Person to = room.direct() ? members(room).map(m -> m.person).filter(p -> !p.id().equals(caller.id())).findFirst().orElse(null) : null;
		boolean addressed = fields.containsKey("toPersonId") || fields.containsKey("toPersonEmail");
		String text = fields.get("text") == null && fields.get("markdown") == null ? "" : fields.get("text");
		Message message = new Message(WebexIds.of("MESSAGE"), room, caller, parentId, addressed && to != null ? to.id() : null,
				addressed && to != null ? to.email() : null, files, Markdown.render(text, fields.get("markdown"), people), Clock.now(),
				sequence.incrementAndGet());
		messages.put(message.id, message);
		messagesByRoom.computeIfAbsent(room.id, k -> Collections.synchronizedList(new ArrayList<>())).add(message);
		room.lastActivity = message.created;
		room.activity = message.sequence;
		announceMessage(message, "created", caller, request.baseUrl());
		return Response.ok(message.toJson(request.baseUrl()));
	}

	/** The room a new message goes to: {@code roomId}, or the direct room with {@code toPersonId}/{@code toPersonEmail}. */
	private Room target(Request request, Person caller, Map<String, String> fields) {
		String roomId = fields.get("roomId");
		String toId = fields.get("toPersonId");
		String toEmail = fields.get("toPersonEmail");
		if ((roomId != null ? 1 : 0) + (toId != null ? 1 : 0) + (toEmail != null ? 1 : 0) != 1) {
			throw ApiError.badRequest("roomId, toPersonId or toPersonEmail is required (exactly one)");
		}
		if (roomId != null) {
			return visibleRoom(request, roomId);
		}
		Person to = toId != null ? people.find(toId).orElseThrow(() -> ApiError.notFound("No person " + toId))
				: people.byEmail(toEmail).orElseThrow(() -> ApiError.notFound("No person with email " + toEmail));
		if (to.id().equals(caller.id())) {
			throw ApiError.badRequest("A direct message needs another person");
		}
		return directRoom(caller, to, true);
	}

	private synchronized Room directRoom(Person caller, Person other, boolean create) {
		String key = caller.id().compareTo(other.id()) < 0 ? caller.id() + "|" + other.id() : other.id() + "|" + caller.id();
		Room room = directRooms.get(key);
		if (room != null || !create) {
			return room;
		}
		room = new Room(WebexIds.of("ROOM"), "direct", other.displayName(), caller.id(), Clock.now(), caller.orgId(), sequence.incrementAndGet());
		rooms.put(room.id, room);
		directRooms.put(key, room);
		announceRoom(room, "created", caller, List.of(caller, other));
		join(room, caller, caller, false);
		join(room, other, caller, false);
		return room;
	}

	private Response editMessage(Request request) {
		Person caller = people.caller(request);
		Message message = visibleMessage(request, request.path("messageId"));
		JsonNode body = request.json();
		if (!request.required(body, "roomId").equals(message.room.id)) {
			throw ApiError.badRequest("roomId is not the room of this message");
		}
		if (!message.author.id().equals(caller.id())) {
			throw new ApiError(403, "Only the author can edit a message");
		}
		if (!message.files.isEmpty()) {
			throw ApiError.badRequest("Editing messages with files or attachments is currently unsupported");
		}
		String text = body.path("text").asString(null);
		String markdown = body.path("markdown").asString(null);
		if (text == null && markdown == null) {
			throw ApiError.badRequest("text or markdown is required");
		}
		checkLength(text, markdown);
		synchronized (message) {
			if (message.edits >= MAX_EDITS) {
				throw ApiError.badRequest("A message can be edited at most " + MAX_EDITS + " times");
			}
			message.edits++;
			message.content = Markdown.render(text, markdown, people);
			message.updated = Clock.now();
		}
		announceMessage(message, "updated", caller, request.baseUrl());
		return Response.ok(message.toJson(request.baseUrl()));
	}

	private Response deleteMessage(Request request) {
		Person caller = people.caller(request);
		Message message = visibleMessage(request, request.path("messageId"));
		if (!message.author.id().equals(caller.id()) && !isModerator(message.room, caller)) {
			throw new ApiError(403, "Only the author or a moderator can delete a message");
		}
		messages.remove(message.id);
		messagesByRoom.getOrDefault(message.room.id, new ArrayList<>()).remove(message);
		announceMessage(message, "deleted", caller, request.baseUrl());
		return Response.noContent();
	}

	private void announceMessage(Message message, String event, Person actor, String baseUrl) {
		Map<String, Object> data = message.data(baseUrl);
		membersOf(message.room).stream().filter(p -> sees(p, message))
			.forEach(p -> webhooks.publish(p.id(), "messages", event, actor.id(), data));
		webhooks.publishToOrg(message.room.ownerId, "messages", event, actor.id(), data);
	}

	private Response listMessages(Request request) {
		Person caller = people.caller(request);
		Room room = visibleRoom(request, request.requiredQuery("roomId"));
		String mentionedPeople = request.query("mentionedPeople");
		if (mentionedPeople != null && !mentionedPeople.equals("me") && !mentionedPeople.equals(caller.id())) {
			throw ApiError.badRequest("mentionedPeople takes only me or your own person id");
		}
		if ("bot".equals(caller.type()) && !room.direct() && mentionedPeople == null) {
			throw new ApiError(403, "Bots can only list messages that mention them: add mentionedPeople=me");
		}
		return listed(request, caller, room, mentionedPeople != null);
	}

	private Response listDirect(Request request) {
		Person caller = people.caller(request);
		String personId = request.query("personId");
		String personEmail = request.query("personEmail");
		if (personId == null && personEmail == null) {
			throw ApiError.badRequest("personId or personEmail is required");
		}
		Person other = personId != null ? people.find(personId).orElseThrow(() -> ApiError.notFound("No person " + personId))
				: people.byEmail(personEmail).orElseThrow(() -> ApiError.notFound("No person with email " + personEmail));
		Room room = directRoom(caller, other, false);
		if (room == null) {
			return Response.ok(Map.of("items", List.of()));
		}
		return listed(request, caller, room, false);
	}

	/** A room's messages newest first, with {@code parentId}, {@code before}, {@code beforeMessage} and mention filters. */
	private Response listed(Request request, Person caller, Room room, boolean mentioningCaller) {
		String parentId = request.query("parentId");
		Instant before = request.query("before") == null ? null : instant(request.query("before"));
		String beforeMessage = request.query("beforeMessage");
		long beforeSequence = Long.MAX_VALUE;
		if (beforeMessage != null) {
			Message reference = messages.get(beforeMessage);
			if (reference == null || reference.room != room) {
				throw ApiError.badRequest("beforeMessage is not a message in this room");
			}
			beforeSequence = reference.sequence;
		}
		long until = beforeSequence;
		List<Message> list;
		List<Message> stored = messagesByRoom.getOrDefault(room.id, List.of());
		synchronized (stored) {
			list = new ArrayList<>(stored);
		}
		Collections.reverse(list);
		list = list.stream().filter(m -> m.sequence < until)
			.filter(m -> parentId == null || parentId.equals(m.parentId))
			.filter(m -> before == null || Instant.parse(m.created).isBefore(before))
			.filter(m -> !mentioningCaller || m.mentions(caller.id()))
			.toList();
		String baseUrl = request.baseUrl();
		return Paging.page(request, list, m -> Paging.descending(m.sequence), m -> m.toJson(baseUrl), 50, mentioningCaller ? 100 : 1000);
	}

	private Response content(Request request) {
		String contentId = request.path("contentId");
		Multipart.Part file = contents.get(contentId);
		if (file == null || !rooms.containsKey(contentRooms.get(contentId))) {
			throw ApiError.notFound("No content " + contentId);
		}
		visibleRoom(request, contentRooms.get(contentId));
		return Response.bytes(file.content(), file.contentType(), file.fileName());
	}

	/** A bot sees a group space's messages only when they mention it (or it wrote them). */
	private static boolean sees(Person person, Message message) {
		return !"bot".equals(person.type()) || message.room.direct() || message.author.id().equals(person.id()) || message.mentions(person.id());
	}

	private Message visibleMessage(Request request, String messageId) {
		Person caller = people.caller(request);
		Message message = messages.get(messageId);
		if (message == null || !isMember(message.room, caller) || !sees(caller, message)) {
			throw ApiError.notFound("No message " + messageId);
		}
		return message;
	}

	private static void checkLength(String text, String markdown) {
		if ((text != null && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MESSAGE_LIMIT_BYTES)
				|| (markdown != null && markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MESSAGE_LIMIT_BYTES)) {
			throw ApiError.badRequest("A message may have at most " + MESSAGE_LIMIT_BYTES + " bytes of text");
		}
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			throw ApiError.badRequest("before must be an ISO 8601 date-time such as 2026-12-01T10:00:00.000Z");
		}
	}

	// Access

	private Room visibleRoom(Request request, String roomId) {
		Person caller = people.caller(request);
		Room room = roomId == null ? null : rooms.get(roomId);
		if (room == null || !isMember(room, caller)) {
			throw ApiError.notFound("No room " + roomId);
		}
		return room;
	}

	private Stream<Membership> members(Room room) {
		List<Membership> list = membershipsByRoom.getOrDefault(room.id, List.of());
		synchronized (list) {
			return new ArrayList<>(list).stream();
		}
	}

	private boolean isMember(Room room, Person person) {
		return members(room).anyMatch(m -> m.person.id().equals(person.id()));
	}

	private boolean isModerator(Room room, Person person) {
		return members(room).anyMatch(m -> m.person.id().equals(person.id()) && m.moderator);
	}

	private List<Person> membersOf(Room room) {
		return members(room).map(m -> m.person).toList();
	}
}
