package dev.switchboard.sandbox.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.sandbox.Clock;
import dev.switchboard.sandbox.WebexIds;
import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Paging;
import dev.switchboard.sandbox.http.Request;
import dev.switchboard.sandbox.http.Response;
import dev.switchboard.sandbox.http.Router;
import dev.switchboard.sandbox.people.People;
import dev.switchboard.sandbox.people.Person;
import dev.switchboard.sandbox.webhooks.Webhooks;

import tools.jackson.databind.JsonNode;

/**
 * Meetings and webinars ({@code /v1/meetings}), invitees, registrants and participants, plus
 * {@code /sandbox/meetings/{id}/invitees|registrants|participants {"count":N}} to add thousands at once.
 */
public class Meetings {

	private static final String SITE = "switchboard-sandbox.webex.com";

	private final Map<String, Map<String, Object>> meetings = new ConcurrentHashMap<>();
	private final Map<String, List<Map<String, Object>>> invitees = new ConcurrentHashMap<>();
	private final Map<String, List<Map<String, Object>>> registrants = new ConcurrentHashMap<>();
	private final Map<String, List<Map<String, Object>>> participants = new ConcurrentHashMap<>();
	private final People people;
	private final Webhooks webhooks;
	private final AtomicLong sequence = new AtomicLong(1_000_000);

	public Meetings(People people, Webhooks webhooks) {
		this.people = people;
		this.webhooks = webhooks;
	}

	public void routes(Router router) {
		router.on("POST", "/v1/meetings", this::create)
			.on("GET", "/v1/meetings", this::list)
			.on("GET", "/v1/meetings/{meetingId}", r -> Response.ok(hosted(r)))
			.on("PUT", "/v1/meetings/{meetingId}", this::update)
			.on("PATCH", "/v1/meetings/{meetingId}", this::update)
			.on("DELETE", "/v1/meetings/{meetingId}", this::delete)
			.on("GET", "/v1/meetingInvitees", r -> page(r, of(invitees, hosted(r, r.requiredQuery("meetingId")))))
			.on("POST", "/v1/meetingInvitees", this::invite)
			.on("GET", "/v1/meetingInvitees/{meetingInviteeId}", r -> Response.ok(invitee(r)))
			.on("DELETE", "/v1/meetingInvitees/{meetingInviteeId}", r -> {
				Map<String, Object> invitee = invitee(r);
				invitees.get((String) invitee.get("meetingId")).remove(invitee);
				return Response.noContent();
			})
			.on("GET", "/v1/meetings/{meetingId}/registrants", r -> page(r, of(registrants, hosted(r))))
			.on("POST", "/v1/meetings/{meetingId}/registrants", this::register)
			.on("GET", "/v1/meetingParticipants", r -> page(r, of(participants, hosted(r, r.requiredQuery("meetingId")))))
			.on("POST", "/sandbox/meetings/{meetingId}/invitees", r -> simulate(r, invitees, this::invitee))
			.on("POST", "/sandbox/meetings/{meetingId}/registrants", r -> simulate(r, registrants, this::registrant))
			.on("POST", "/sandbox/meetings/{meetingId}/participants", r -> simulate(r, participants, this::participant));
	}

	public void clear() {
		meetings.clear();
		invitees.clear();
		registrants.clear();
		participants.clear();
	}

	private Response create(Request request) {
		Person host = people.caller(request);
		JsonNode body = request.json();
		String title = request.required(body, "title");
		Instant start = instant(request.required(body, "start"), "start");
		Instant end = instant(request.required(body, "end"), "end");
		Duration length = Duration.between(start, end);
		if (length.compareTo(Duration.ofMinutes(10)) < 0 || length.compareTo(Duration.ofHours(24)) >= 0) {
			throw ApiError.badRequest("A meeting lasts between 10 minutes and 23 hours 59 minutes");
		}
		if (title.length() > 128) {
			throw ApiError.badRequest("title may have at most 128 characters");
		}
		String scheduledType = body.path("scheduledType").asString("meeting");
		if (!List.of("meeting", "webinar", "personalRoomMeeting").contains(scheduledType)) {
			throw ApiError.badRequest("scheduledType must be meeting, webinar or personalRoomMeeting");
		}
		Map<String, Object> meeting = meeting(host, title, body, start, end, scheduledType);
		meetings.put((String) meeting.get("id"), meeting);
		body.path("invitees").forEach(i -> of(invitees, meeting).add(invitee(meeting, i.path("email").asString(), i.path("displayName").asString(null), i.path("panelist").asBoolean(false))));
		webhooks.publish(host.id(), "meetings", "created", host.id(), Map.of("id", meeting.get("id"), "meetingId", meeting.get("id")));
		webhooks.publishToOrg(host.orgId(), "meetings", "created", host.id(), Map.of("id", meeting.get("id"), "meetingId", meeting.get("id")));
		return Response.ok(meeting);
	}

	private Map<String, Object> meeting(Person host, String title, JsonNode body, Instant start, Instant end, String scheduledType) {
		String id = WebexIds.meeting();
		String number = String.valueOf(2_500_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
		Map<String, Object> meeting = new LinkedHashMap<>();
		meeting.put("id", id);
		meeting.put("meetingNumber", number);
		meeting.put("title", title);
		meeting.put("agenda", body.path("agenda").asString(""));
		meeting.put("password", body.path("password").asString("Sb" + number.substring(0, 6)));
		meeting.put("meetingType", "meetingSeries");
		meeting.put("state", "active");
		meeting.put("timezone", body.path("timezone").asString("UTC"));
		meeting.put("start", Clock.format(start));
		meeting.put("end", Clock.format(end));
		meeting.put("hostUserId", host.id());
		meeting.put("hostDisplayName", host.displayName());
		meeting.put("hostEmail", host.email());
		meeting.put("hostKey", "123456");
		meeting.put("siteUrl", SITE);
		meeting.put("webLink", "https://" + SITE + "/" + SITE.split("\\.")[0] + "/j.php?MTID=m" + id);
		meeting.put("sipAddress", number + "@" + SITE);
		meeting.put("dialInIpAddress", "173.243.2.68");
		meeting.put("telephony", Map.of("accessCode", number, "callInNumbers", List.of(
				Map.of("label", "United States Toll", "callInNumber", "+1-415-555-0199", "tollType", "toll"))));
		meeting.put("enabledBreakoutSessions", false);
		meeting.put("enabledAutoRecordMeeting", body.path("enabledAutoRecordMeeting").asBoolean(false));
		meeting.put("allowAnyUserToBeCoHost", body.path("allowAnyUserToBeCoHost").asBoolean(false));
		meeting.put("scheduledType", scheduledType);
		if ("webinar".equals(scheduledType)) {
			meeting.put("registerLink", "https://" + SITE + "/webappng/sites/" + SITE.split("\\.")[0] + "/webinar/webinarSeries/register/" + id);
		}
		List<String> tags = new ArrayList<>();
		body.path("integrationTags").forEach(t -> tags.add(t.asString()));
		meeting.put("integrationTags", tags);
		return meeting;
	}

	private Response list(Request request) {
		Person caller = people.caller(request);
		String type = request.query("meetingType") == null ? "meetingSeries" : request.query("meetingType");
		if (!List.of("meetingSeries", "scheduledMeeting", "meeting").contains(type)) {
			throw ApiError.badRequest("meetingType must be meetingSeries, scheduledMeeting or meeting");
		}
		Instant now = Instant.now();
		boolean past = type.equals("meeting");
		Instant from = request.query("from") == null ? (past ? now.minus(Duration.ofDays(7)) : now) : instant(request.query("from"), "from");
		Instant to = request.query("to") != null ? instant(request.query("to"), "to")
				: request.query("from") != null ? from.plus(Duration.ofDays(7)) : past ? now : now.plus(Duration.ofDays(7));
		String scheduledType = request.query("scheduledType");
		String integrationTag = request.query("integrationTag");
		List<Map<String, Object>> items = new ArrayList<>();
		meetings.values().stream().filter(m -> m.get("hostUserId").equals(caller.id()))
			.filter(m -> scheduledType == null || scheduledType.equals(m.get("scheduledType")))
			.filter(m -> integrationTag == null || ((List<?>) m.get("integrationTags")).contains(integrationTag))
			.filter(m -> !Instant.parse((String) m.get("end")).isBefore(from) && Instant.parse((String) m.get("start")).isBefore(to))
			.forEach(m -> items.add(asType(m, type)));
		items.sort(java.util.Comparator.comparing(m -> m.get("start") + "|" + m.get("id")));
		return Paging.page(request, items, m -> m.get("start") + "|" + m.get("id"), m -> m, 10, 100);
	}

	private Map<String, Object> asType(Map<String, Object> series, String type) {
		Map<String, Object> item = new LinkedHashMap<>(series);
		item.put("meetingType", type);
		item.put("meetingSeriesId", series.get("id"));
		if (!type.equals("meetingSeries")) {
			item.put("id", series.get("id") + (type.equals("meeting") ? "_I_" + Math.abs(series.get("id").hashCode()) : "_" + ((String) series.get("start")).replaceAll("[-:.]", "").substring(0, 15) + "Z"));
			item.put("state", type.equals("meeting") ? "ended" : "scheduled");
		}
		item.put("hasRegistrants", !of(registrants, series).isEmpty());
		return item;
	}

	private Response update(Request request) {
		Map<String, Object> meeting = hosted(request);
		JsonNode body = request.json();
		for (String field : List.of("title", "agenda", "password", "timezone")) {
			if (body.hasNonNull(field)) {
				meeting.put(field, body.path(field).asString());
			}
		}
		for (String field : List.of("start", "end")) {
			if (body.hasNonNull(field)) {
				meeting.put(field, Clock.format(instant(body.path(field).asString(), field)));
			}
		}
		return Response.ok(meeting);
	}

	private Response delete(Request request) {
		Map<String, Object> meeting = hosted(request);
		meetings.remove((String) meeting.get("id"));
		return Response.noContent();
	}

	private Response invite(Request request) {
		JsonNode body = request.json();
		Map<String, Object> meeting = hosted(request, request.required(body, "meetingId"));
		Map<String, Object> invitee = invitee(meeting, request.required(body, "email"), body.path("displayName").asString(null), body.path("panelist").asBoolean(false));
		of(invitees, meeting).add(invitee);
		return Response.ok(invitee);
	}

	private Response simulate(Request request, Map<String, List<Map<String, Object>>> store, Generator generator) {
		Map<String, Object> meeting = meetings.get(request.path("meetingId"));
		if (meeting == null) {
			throw ApiError.notFound("No meeting " + request.path("meetingId"));
		}
		int count = request.json().path("count").asInt(0);
		if (count < 1 || count > 200_000) {
			throw ApiError.badRequest("count must be between 1 and 200000");
		}
		List<Map<String, Object>> list = of(store, meeting);
		int offset = list.size();
		List<Map<String, Object>> added = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			added.add(generator.make(meeting, offset + i));
		}
		list.addAll(added);
		return Response.ok(Map.of("added", count, "total", list.size()));
	}

	private Map<String, Object> invitee(Map<String, Object> meeting, String email, String displayName, boolean panelist) {
		Map<String, Object> invitee = new LinkedHashMap<>();
		invitee.put("id", meeting.get("id") + "_" + sequence.incrementAndGet());
		invitee.put("email", email);
		invitee.put("displayName", displayName == null ? email : displayName);
		invitee.put("coHost", false);
		invitee.put("meetingId", meeting.get("id"));
		invitee.put("panelist", panelist);
		return invitee;
	}

	private Map<String, Object> invitee(Map<String, Object> meeting, int n) {
		return invitee(meeting, "guest" + n + "@example.com", "Guest " + n, false);
	}

	private Map<String, Object> registrant(Map<String, Object> meeting, int n) {
		Map<String, Object> registrant = new LinkedHashMap<>();
		registrant.put("id", String.valueOf(sequence.incrementAndGet()));
		registrant.put("status", "approved");
		registrant.put("firstName", "First" + n);
		registrant.put("lastName", "Last" + n);
		registrant.put("email", "registrant" + n + "@example.com");
		registrant.put("jobTitle", "Engineer");
		registrant.put("companyName", "Company " + (n % 500));
		registrant.put("countryRegion", "United States");
		registrant.put("workPhone", String.format("+1 415 555 %04d", n % 10_000));
		registrant.put("registrationTime", Clock.now());
		return registrant;
	}

	private Map<String, Object> participant(Map<String, Object> meeting, int n) {
		Map<String, Object> participant = new LinkedHashMap<>();
		participant.put("id", meeting.get("id") + "_I_" + n);
		participant.put("orgId", WebexIds.of("ORGANIZATION", dev.switchboard.sandbox.SeedPerson.ORG_UUID));
		participant.put("host", false);
		participant.put("coHost", false);
		participant.put("email", "registrant" + n + "@example.com");
		participant.put("displayName", "First" + n + " Last" + n);
		participant.put("invitee", true);
		participant.put("muted", true);
		participant.put("meetingStartTime", meeting.get("start"));
		participant.put("video", "off");
		participant.put("state", "end");
		participant.put("joinedTime", meeting.get("start"));
		participant.put("leftTime", meeting.get("end"));
		participant.put("siteUrl", SITE);
		participant.put("meetingId", meeting.get("id"));
		participant.put("hostEmail", meeting.get("hostEmail"));
		return participant;
	}

	/** Registers someone for a webinar or a meeting with registration, approved at once. */
	private Response register(Request request) {
		Map<String, Object> meeting = hosted(request);
		JsonNode body = request.json();
		Map<String, Object> registrant = new LinkedHashMap<>();
		registrant.put("id", String.valueOf(sequence.incrementAndGet()));
		registrant.put("status", "approved");
		registrant.put("firstName", request.required(body, "firstName"));
		registrant.put("lastName", request.required(body, "lastName"));
		registrant.put("email", request.required(body, "email"));
		for (String field : List.of("jobTitle", "companyName", "countryRegion", "workPhone")) {
			if (body.hasNonNull(field)) {
				registrant.put(field, body.path(field).asString());
			}
		}
		registrant.put("registrationTime", Clock.now());
		of(registrants, meeting).add(registrant);
		return Response.ok(registrant);
	}

	private Map<String, Object> invitee(Request request) {
		String id = request.path("meetingInviteeId");
		int cut = id.lastIndexOf('_');
		Map<String, Object> meeting = cut < 0 ? null : meetings.get(id.substring(0, cut));
		Map<String, Object> invitee = meeting == null || !meeting.get("hostUserId").equals(people.caller(request).id()) ? null
				: of(invitees, meeting).stream().filter(i -> i.get("id").equals(id)).findFirst().orElse(null);
		if (invitee == null) {
			throw ApiError.notFound("No meeting invitee " + id);
		}
		return invitee;
	}

	/** Invitees, registrants and participants in the order added; each id ends in an ascending number. */
	private static Response page(Request request, List<Map<String, Object>> list) {
		return Paging.page(request, List.copyOf(list), m -> {
			String id = (String) m.get("id");
			return Paging.ascending(Long.parseLong(id.substring(id.lastIndexOf('_') + 1)));
		}, m -> m, 10, 100);
	}

	private Map<String, Object> hosted(Request request) {
		return hosted(request, request.path("meetingId"));
	}

	private Map<String, Object> hosted(Request request, String meetingId) {
		Person caller = people.caller(request);
		if (meetingId == null) {
			throw ApiError.badRequest("meetingId is required");
		}
		Map<String, Object> meeting = meetings.get(meetingId.contains("_") ? meetingId.substring(0, meetingId.indexOf('_')) : meetingId);
		if (meeting == null || !meeting.get("hostUserId").equals(caller.id())) {
			throw ApiError.notFound("No meeting " + meetingId);
		}
		return meeting;
	}

	private static List<Map<String, Object>> of(Map<String, List<Map<String, Object>>> store, Map<String, Object> meeting) {
		return store.computeIfAbsent((String) meeting.get("id"), k -> new CopyOnWriteArrayList<>());
	}

	private static Instant instant(String text, String field) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			throw ApiError.badRequest(field + " must be an ISO 8601 date-time such as 2026-12-01T10:00:00Z");
		}
	}

	private interface Generator {

		Map<String, Object> make(Map<String, Object> meeting, int n);
	}
}
