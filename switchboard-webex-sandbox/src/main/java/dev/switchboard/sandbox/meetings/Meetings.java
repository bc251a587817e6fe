package dev.switchboard.sandbox.meetings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

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
 * Meetings and webinars ({@code /v1/meetings}), session types, invitees, registrants and participants, plus
 * {@code /sandbox/meetings/{id}/invitees|registrants|participants {"count":N}} to add thousands at once, and
 * {@code /sandbox/meetings/{id}/start|join|leave|end} to play a meeting's life. As in Webex: a start is kept to the
 * minute and may not lie in the past, times are answered in the meeting's time zone (or the {@code timezone} request
 * header's), a webinar needs a webinar session type, and {@code meetings} webhooks fire on created, updated, deleted,
 * started and ended ({@code meetingParticipants} on joined and left). A started meeting is an instance
 * ({@code <series>_I_<n>}) with the people who joined it.
 */
public class Meetings {

	private static final String SITE = "switchboard-sandbox.webex.com";
	private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	/** The site's session types ({@code GET /v1/meetings/sessionTypes}); a webinar needs one of type webinar. */
	static final List<Map<String, Object>> SESSION_TYPES = List.of(
			Map.of("id", "3", "name", "Pro Meeting", "type", "meeting", "attendeesCapacity", 1000),
			Map.of("id", "628", "name", "Webex Meetings EC 2.0 meeting", "type", "meeting", "attendeesCapacity", 1000),
			Map.of("id", "9", "name", "Webex Webinars", "type", "webinar", "attendeesCapacity", 3000),
			Map.of("id", "11", "name", "Webex Webinars Webcast", "type", "webinar", "attendeesCapacity", 10000));
	private static final int MAX_INVITEES = 1000;

	private final Map<String, Map<String, Object>> meetings = new ConcurrentHashMap<>();
	private final Map<String, List<Map<String, Object>>> invitees = new ConcurrentHashMap<>();
	private final Map<String, List<Map<String, Object>>> registrants = new ConcurrentHashMap<>();
	private final Map<String, List<Map<String, Object>>> participants = new ConcurrentHashMap<>();
	/** Started meetings (instances), by series id, oldest first. */
	private final Map<String, List<Map<String, Object>>> instances = new ConcurrentHashMap<>();
	private final AtomicLong instanceNumbers = new AtomicLong(167_427_437_874_906_709L);
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
			.on("GET", "/v1/meetings/sessionTypes", r -> {
				people.caller(r);
				return Response.ok(Map.of("items", SESSION_TYPES));
			})
			.on("GET", "/v1/meetings/{meetingId}", this::get)
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
			.on("GET", "/v1/meetingParticipants", this::participants)
			.on("POST", "/sandbox/meetings/{meetingId}/invitees", r -> simulate(r, invitees, this::invitee))
			.on("POST", "/sandbox/meetings/{meetingId}/registrants", r -> simulate(r, registrants, this::registrant))
			.on("POST", "/sandbox/meetings/{meetingId}/participants", r -> simulate(r, participants, this::participant))
			.on("POST", "/sandbox/webinars", this::generateWebinar)
			.on("POST", "/sandbox/meetings/{meetingId}/start", this::start)
			.on("POST", "/sandbox/meetings/{meetingId}/join", this::join)
			.on("POST", "/sandbox/meetings/{meetingId}/leave", this::leave)
			.on("POST", "/sandbox/meetings/{meetingId}/end", this::end);
	}

	public void clear() {
		meetings.clear();
		invitees.clear();
		registrants.clear();
		participants.clear();
		instances.clear();
	}

	private Response create(Request request) {
		Person host = acting(request);
		JsonNode body = request.json();
		String title = request.required(body, "title");
		if (title.length() > 128) {
			throw ApiError.badRequest("title may have at most 128 characters");
		}
		if (body.path("agenda").asString("").length() > 1300) {
			throw ApiError.badRequest("agenda may have at most 1300 characters");
		}
		ZoneId zone = zone(body.path("timezone").asString("UTC"));
		Instant start = start(request.required(body, "start"));
		Instant end = instant(request.required(body, "end"), "end");
		checkLength(start, end);
		String scheduledType = body.path("scheduledType").asString("meeting");
		if (!List.of("meeting", "webinar", "personalRoomMeeting").contains(scheduledType)) {
			throw ApiError.badRequest("scheduledType must be meeting, webinar or personalRoomMeeting");
		}
		String sessionTypeId = sessionType(body, scheduledType);
		if (body.path("invitees").size() > MAX_INVITEES) {
			throw ApiError.badRequest("invitees may have at most " + MAX_INVITEES + " entries");
		}
		List<String> inviteeEmails = new ArrayList<>();
		body.path("invitees").forEach(i -> inviteeEmails.add(checkedInvitee(host, i.path("email").asString(""))));
		Map<String, Object> meeting = meeting(host, title, body, start, end, scheduledType);
		meeting.put("timezone", zone.getId());
		if (sessionTypeId != null) {
			meeting.put("sessionTypeId", Integer.valueOf(sessionTypeId)); // a number in Webex's answers
		}
		meetings.put((String) meeting.get("id"), meeting);
		int[] n = { 0 };
		body.path("invitees").forEach(i -> of(invitees, meeting).add(invitee(meeting, inviteeEmails.get(n[0]++),
				i.path("displayName").asString(null), i.path("panelist").asBoolean(false))));
		announce(host, "created", zoned(meeting, zone));
		return Response.ok(zoned(meeting, zone));
	}

	private Response get(Request request) {
		String meetingId = request.path("meetingId");
		Map<String, Object> series = hosted(request);
		Map<String, Object> found = meetingId.contains("_I_") ? instance(series, meetingId) : series;
		return Response.ok(zoned(found, answerZone(request, found)));
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
		Person caller = acting(request);
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
		String state = request.query("state");
		String seriesId = request.query("meetingSeriesId");
		List<Map<String, Object>> candidates = new ArrayList<>();
		meetings.values().stream().filter(m -> m.get("hostUserId").equals(caller.id()))
			.filter(m -> scheduledType == null || scheduledType.equals(m.get("scheduledType")))
			.filter(m -> integrationTag == null || ((List<?>) m.get("integrationTags")).contains(integrationTag))
			.filter(m -> seriesId == null || seriesId.equals(m.get("id")))
			.forEach(m -> {
				if (past) {
					candidates.addAll(instances.getOrDefault((String) m.get("id"), List.of()));
				}
				else {
					candidates.add(asType(m, type));
				}
			});
		List<Map<String, Object>> items = candidates.stream()
			.filter(m -> state == null || state.equals(m.get("state")))
			.filter(m -> !Instant.parse((String) m.get("end")).isBefore(from) && Instant.parse((String) m.get("start")).isBefore(to))
			.sorted(java.util.Comparator.comparing(m -> m.get("start") + "|" + m.get("id")))
			.toList();
		return Paging.page(request, items, m -> m.get("start") + "|" + m.get("id"), m -> zoned(m, answerZone(request, m)), 10, 100);
	}

	private Map<String, Object> asType(Map<String, Object> series, String type) {
		Map<String, Object> item = new LinkedHashMap<>(series);
		item.put("meetingType", type);
		item.put("meetingSeriesId", series.get("id"));
		if (type.equals("scheduledMeeting")) {
			item.put("id", series.get("id") + "_" + ((String) series.get("start")).replaceAll("[-:.]", "").substring(0, 15) + "Z");
			item.put("scheduledMeetingId", item.get("id"));
			item.put("state", switch ((String) series.get("state")) {
				case "inProgress" -> "ready";
				case "expired" -> "ended";
				default -> "scheduled";
			});
		}
		item.put("hasRegistrants", !of(registrants, series).isEmpty());
		return item;
	}

	private Response update(Request request) {
		Map<String, Object> meeting = hosted(request);
		if (request.path("meetingId").contains("_I_") || !"active".equals(meeting.get("state"))) {
			throw ApiError.badRequest("Only a meeting that has not started can be changed");
		}
		JsonNode body = request.json();
		if (body.hasNonNull("title") && (body.path("title").asString().isBlank() || body.path("title").asString().length() > 128)) {
			throw ApiError.badRequest("title must have 1 to 128 characters");
		}
		if (body.path("agenda").asString("").length() > 1300) {
			throw ApiError.badRequest("agenda may have at most 1300 characters");
		}
		ZoneId zone = zone(body.hasNonNull("timezone") ? body.path("timezone").asString() : (String) meeting.get("timezone"));
		Instant start = body.hasNonNull("start") ? start(body.path("start").asString()) : Instant.parse((String) meeting.get("start"));
		Instant end = body.hasNonNull("end") ? instant(body.path("end").asString(), "end") : Instant.parse((String) meeting.get("end"));
		checkLength(start, end);
		for (String field : List.of("title", "agenda", "password")) {
			if (body.hasNonNull(field)) {
				meeting.put(field, body.path(field).asString());
			}
		}
		meeting.put("timezone", zone.getId());
		meeting.put("start", Clock.format(start));
		meeting.put("end", Clock.format(end));
		Person host = acting(request);
		announce(host, "updated", zoned(meeting, zone));
		return Response.ok(zoned(meeting, zone));
	}

	private Response delete(Request request) {
		Map<String, Object> meeting = hosted(request);
		if ("inProgress".equals(meeting.get("state"))) {
			throw ApiError.badRequest("A meeting in progress cannot be deleted; end it first");
		}
		meetings.remove((String) meeting.get("id"));
		Person host = acting(request);
		announce(host, "deleted", zoned(meeting, zone((String) meeting.get("timezone"))));
		return Response.noContent();
	}

	// --- a meeting's life, played by /sandbox calls ---

	private Response start(Request request) {
		Map<String, Object> series = series(request);
		if ("inProgress".equals(series.get("state"))) {
			throw new ApiError(409, "The meeting is in progress already");
		}
		if (!"active".equals(series.get("state"))) {
			throw new ApiError(409, "The meeting has ended");
		}
		Map<String, Object> instance = instance(series, "inProgress", Clock.now(), (String) series.get("end"));
		instance.put("attendeeDidJoin", false);
		series.put("state", "inProgress");
		Person host = people.byId((String) series.get("hostUserId"));
		of(participants, instance).add(liveParticipant(instance, host.email(), host.displayName(), true));
		announce(host, "started", zoned(instance, zone((String) instance.get("timezone"))));
		webhooks.publish(host.id(), "meetingParticipants", "joined", host.id(), Map.of("meetingId", instance.get("id"), "email", host.email()));
		return Response.ok(zoned(instance, zone((String) instance.get("timezone"))));
	}

	/** A new instance ({@code <series>_I_<n>}) of a series, in the given state, kept after the series' earlier ones. */
	private Map<String, Object> instance(Map<String, Object> series, String state, String start, String end) {
		Map<String, Object> instance = new LinkedHashMap<>(series);
		instance.put("id", series.get("id") + "_I_" + instanceNumbers.incrementAndGet());
		instance.put("meetingSeriesId", series.get("id"));
		instance.put("meetingType", "meeting");
		instance.put("state", state);
		instance.put("scheduledStart", series.get("start"));
		instance.put("scheduledEnd", series.get("end"));
		instance.put("start", start);
		instance.put("end", end);
		instance.put("hostDidJoin", true);
		instances.computeIfAbsent((String) series.get("id"), k -> new CopyOnWriteArrayList<>()).add(instance);
		return instance;
	}

	private Response join(Request request) {
		Map<String, Object> instance = current(request);
		JsonNode body = request.json();
		String email = request.required(body, "email");
		if (!EMAIL.matcher(email).matches()) {
			throw ApiError.badRequest("email is not an email address");
		}
		List<Map<String, Object>> list = of(participants, instance);
		if (list.stream().anyMatch(p -> email.equalsIgnoreCase((String) p.get("email")) && "joined".equals(p.get("state")))) {
			throw new ApiError(409, email + " is in the meeting already");
		}
		Map<String, Object> participant = liveParticipant(instance, email, body.path("displayName").asString(email), false);
		list.add(participant);
		instance.put("attendeeDidJoin", true);
		String hostId = (String) instance.get("hostUserId");
		webhooks.publish(hostId, "meetingParticipants", "joined", hostId, Map.of("meetingId", instance.get("id"), "email", email));
		return Response.ok(participant);
	}

	private Response leave(Request request) {
		Map<String, Object> instance = current(request);
		String email = request.required(request.json(), "email");
		Map<String, Object> participant = of(participants, instance).stream()
			.filter(p -> email.equalsIgnoreCase((String) p.get("email")) && "joined".equals(p.get("state"))).findFirst()
			.orElseThrow(() -> ApiError.notFound("Nobody with " + email + " is in the meeting"));
		left(participant, Clock.now());
		String hostId = (String) instance.get("hostUserId");
		webhooks.publish(hostId, "meetingParticipants", "left", hostId, Map.of("meetingId", instance.get("id"), "email", email));
		return Response.ok(participant);
	}

	private Response end(Request request) {
		Map<String, Object> instance = current(request);
		String now = Clock.now();
		of(participants, instance).stream().filter(p -> "joined".equals(p.get("state"))).forEach(p -> left(p, now));
		instance.put("state", "ended");
		instance.put("end", now);
		Map<String, Object> series = meetings.get((String) instance.get("meetingSeriesId"));
		if (series != null) {
			series.put("state", "expired");
		}
		String hostId = (String) instance.get("hostUserId");
		announce(people.byId(hostId), "ended", zoned(instance, zone((String) instance.get("timezone"))));
		return Response.ok(zoned(instance, zone((String) instance.get("timezone"))));
	}

	private Response participants(Request request) {
		String meetingId = request.query("meetingId");
		Map<String, Object> series = hosted(request, meetingId);
		List<Map<String, Object>> list = new ArrayList<>(of(participants, series));
		Map<String, Object> instance = meetingId.contains("_I_") ? instance(series, meetingId) : lastInstance(request, series);
		if (instance != null) {
			list.addAll(of(participants, instance));
		}
		ZoneId zone = answerZone(request, series);
		return pageInOrder(request, list, p -> zoned(p, zone));
	}

	/**
	 * A series id answers its last instance, or with {@code meetingStartTimeFrom}/{@code To} its last instance that
	 * started in that range (both exclusive), as Webex documents for {@code GET /meetingParticipants}.
	 */
	private Map<String, Object> lastInstance(Request request, Map<String, Object> series) {
		String from = request.query("meetingStartTimeFrom");
		String to = request.query("meetingStartTimeTo");
		Instant after = from == null ? Instant.MIN : instant(from, "meetingStartTimeFrom");
		Instant before = to == null ? Instant.MAX : instant(to, "meetingStartTimeTo");
		List<Map<String, Object>> started = instances.getOrDefault((String) series.get("id"), List.of());
		for (int i = started.size() - 1; i >= 0; i--) {
			Instant start = instant((String) started.get(i).get("start"), "start");
			if (start.isAfter(after) && start.isBefore(before)) {
				return started.get(i);
			}
		}
		return null;
	}

	/** A generated webinar (see {@link GeneratedWebinars}), hosted by {@code hostEmail}, with its people. */
	private Response generateWebinar(Request request) {
		GeneratedWebinars.Spec spec = GeneratedWebinars.Spec.of(request);
		Person host = people.byEmail(spec.hostEmail()).filter(p -> "person".equals(p.type()))
			.orElseThrow(() -> ApiError.badRequest("hostEmail '" + spec.hostEmail() + "' is not a user of this site"));
		Map<String, Object> webinar = meeting(host, spec.title(), request.json(), spec.start(), spec.end(), "webinar");
		webinar.put("timezone", "UTC");
		webinar.put("sessionTypeId", 9);
		webinar.put("state", spec.ended() == spec.occurrences() ? "expired" : "active");
		if (spec.occurrences() > 1) {
			webinar.put("recurrence", "FREQ=DAILY;INTERVAL=1;COUNT=" + spec.occurrences());
		}
		String id = (String) webinar.get("id");
		invitees.put(id, new CopyOnWriteArrayList<>(GeneratedWebinars.invitees(spec, webinar, sequence)));
		registrants.put(id, new CopyOnWriteArrayList<>(GeneratedWebinars.registrants(spec, sequence)));
		meetings.put(id, webinar);
		for (int k = 0; k < spec.ended(); k++) {
			Map<String, Object> instance = instance(webinar, "ended", Clock.format(spec.start(k)), Clock.format(spec.end(k)));
			instance.put("attendeeDidJoin", spec.attendees() > 0);
			participants.put((String) instance.get("id"), new CopyOnWriteArrayList<>(GeneratedWebinars.participants(spec, instance, k, sequence)));
		}
		Map<String, Object> answer = new LinkedHashMap<>(zoned(webinar, ZoneId.of("UTC")));
		answer.put("generated", Map.of("invitees", spec.invitees(), "registrants", spec.registrants(), "attendees", spec.attendees(),
				"endedOccurrences", spec.ended(),
				"domain", spec.domain()));
		return Response.ok(answer);
	}

	private Map<String, Object> liveParticipant(Map<String, Object> instance, String email, String displayName, boolean host) {
		Map<String, Object> participant = new LinkedHashMap<>();
		String now = Clock.now();
		participant.put("id", instance.get("id") + "_" + Math.abs(email.toLowerCase().hashCode()) + "_" + System.nanoTime());
		participant.put("orgId", WebexIds.of("ORGANIZATION", "6f2a3b8c-0000-4000-8000-5a4db0c0ffee"));
		participant.put("host", host);
		participant.put("coHost", false);
		participant.put("email", email);
		participant.put("displayName", displayName);
		participant.put("invitee", invitees.getOrDefault((String) instance.get("meetingSeriesId"), List.of()).stream()
			.anyMatch(i -> email.equalsIgnoreCase((String) i.get("email"))));
		participant.put("muted", false);
		participant.put("meetingStartTime", instance.get("start"));
		participant.put("video", "on");
		participant.put("state", "joined");
		participant.put("joinedTime", now);
		participant.put("leftTime", "1970-01-01T00:00:00.000Z");
		participant.put("siteUrl", SITE);
		participant.put("meetingId", instance.get("id"));
		participant.put("hostEmail", instance.get("hostEmail"));
		participant.put("devices", new ArrayList<>(List.of(device(now))));
		return participant;
	}

	private static Map<String, Object> device(String joined) {
		Map<String, Object> device = new LinkedHashMap<>();
		device.put("correlationId", java.util.UUID.randomUUID().toString());
		device.put("deviceType", "webex_meeting_center_mac");
		device.put("audioType", "voip");
		device.put("joinedTime", joined);
		device.put("leftTime", "1970-01-01T00:00:00.000Z");
		device.put("durationSecond", 0);
		return device;
	}

	@SuppressWarnings("unchecked")
	private static void left(Map<String, Object> participant, String now) {
		participant.put("state", "end");
		participant.put("leftTime", now);
		long seconds = Duration.between(Instant.parse((String) participant.get("joinedTime")), Instant.parse(now)).toSeconds();
		((List<Map<String, Object>>) participant.get("devices")).forEach(d -> {
			d.put("leftTime", now);
			d.put("durationSecond", seconds);
		});
	}

	/** The series a /sandbox call names (any id form), whoever hosts it. */
	private Map<String, Object> series(Request request) {
		String id = request.path("meetingId");
		Map<String, Object> series = meetings.get(id.contains("_") ? id.substring(0, id.indexOf('_')) : id);
		if (series == null) {
			throw ApiError.notFound("No meeting " + id);
		}
		return series;
	}

	/** The instance in progress of the meeting a /sandbox call names. */
	private Map<String, Object> current(Request request) {
		List<Map<String, Object>> started = instances.getOrDefault((String) series(request).get("id"), List.of());
		return started.stream().filter(i -> "inProgress".equals(i.get("state"))).findFirst()
			.orElseThrow(() -> new ApiError(409, "The meeting is not in progress; start it first"));
	}

	private Map<String, Object> instance(Map<String, Object> series, String instanceId) {
		return instances.getOrDefault((String) series.get("id"), List.of()).stream().filter(i -> instanceId.equals(i.get("id")))
			.findFirst().orElseThrow(() -> ApiError.notFound("No meeting " + instanceId));
	}

	/** A start rounded down to the minute, as Webex keeps it; one before the current minute is refused. */
	private static Instant start(String text) {
		Instant start = instant(text, "start").truncatedTo(ChronoUnit.MINUTES);
		if (start.isBefore(Instant.now().truncatedTo(ChronoUnit.MINUTES))) {
			throw ApiError.badRequest("start cannot be earlier than the current time");
		}
		return start;
	}

	private static void checkLength(Instant start, Instant end) {
		Duration length = Duration.between(start, end);
		if (length.compareTo(Duration.ofMinutes(10)) < 0 || length.compareTo(Duration.ofHours(24)) >= 0) {
			throw ApiError.badRequest("A meeting lasts between 10 minutes and 23 hours 59 minutes");
		}
	}

	private static String sessionType(JsonNode body, String scheduledType) {
		String id = body.path("sessionTypeId").asString(null);
		if (id == null) {
			if ("webinar".equals(scheduledType)) {
				throw ApiError.badRequest("sessionTypeId is required for a webinar (GET /v1/meetings/sessionTypes lists them)");
			}
			return null;
		}
		Map<String, Object> type = SESSION_TYPES.stream().filter(t -> t.get("id").equals(id)).findFirst()
			.orElseThrow(() -> ApiError.badRequest("sessionTypeId '" + id + "' is not a session type of this site"));
		if ("webinar".equals(scheduledType) != "webinar".equals(type.get("type"))) {
			throw ApiError.badRequest("sessionTypeId '" + id + "' is a " + type.get("type") + " session type, not for a " + scheduledType);
		}
		return id;
	}

	/** An invitee's email as Webex checks it: a real address, on a domain that takes mail, not the host's. */
	private static String checkedInvitee(Person host, String email) {
		if (!EMAIL.matcher(email).matches()) {
			throw ApiError.badRequest("Invalid invitee email '" + email + "'");
		}
		if (email.toLowerCase().endsWith(".invalid")) {
			throw ApiError.badRequest("The invitee email domain of '" + email + "' does not accept mail");
		}
		if (email.equalsIgnoreCase(host.email())) {
			throw ApiError.badRequest("The meeting host cannot be invited to their own meeting");
		}
		return email;
	}

	private static ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException e) {
			throw ApiError.badRequest("timezone '" + id + "' is not an IANA time zone such as Europe/London");
		}
	}

	/** The zone times are answered in: the {@code timezone} request header, else the meeting's own. */
	private static ZoneId answerZone(Request request, Map<String, Object> meeting) {
		String header = request.header("timezone");
		return zone(header != null ? header : (String) meeting.getOrDefault("timezone", "UTC"));
	}

	/** A copy with its times written in {@code zone} (Webex answers meeting times in the meeting's time zone). */
	private static Map<String, Object> zoned(Map<String, Object> meeting, ZoneId zone) {
		Map<String, Object> copy = new LinkedHashMap<>(meeting);
		for (String field : List.of("start", "end", "scheduledStart", "scheduledEnd", "meetingStartTime", "joinedTime", "leftTime")) {
			Object value = copy.get(field);
			if (value instanceof String text && !text.startsWith("1970-")) {
				copy.put(field, ZONED.format(OffsetDateTime.parse(text).toInstant().atZone(zone)));
			}
		}
		return copy;
	}

	private Response invite(Request request) {
		JsonNode body = request.json();
		Map<String, Object> meeting = hosted(request, request.required(body, "meetingId"));
		String email = checkedInvitee(acting(request), request.required(body, "email"));
		if (of(invitees, meeting).stream().anyMatch(i -> email.equalsIgnoreCase((String) i.get("email")))) {
			throw new ApiError(409, email + " is invited already");
		}
		if (of(invitees, meeting).size() >= MAX_INVITEES) {
			throw ApiError.badRequest("A meeting may have at most " + MAX_INVITEES + " invitees");
		}
		Map<String, Object> invitee = invitee(meeting, email, body.path("displayName").asString(null), body.path("panelist").asBoolean(false));
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

	/** A {@code meetings} event for the host's webhooks and their org's org-level ones. */
	private void announce(Person host, String event, Map<String, Object> data) {
		webhooks.publish(host.id(), "meetings", event, host.id(), data);
		webhooks.publishToOrg(host.orgId(), "meetings", event, host.id(), data);
	}

	/** Participants in the order they came: a position is the index, so an appended one never repeats or vanishes. */
	private static Response pageInOrder(Request request, List<Map<String, Object>> list,
			java.util.function.Function<Map<String, Object>, Object> json) {
		// A lazy (index, item) view: a page of 100 out of 200,000 costs the page, not the list.
		List<Map.Entry<Integer, Map<String, Object>>> indexed = new java.util.AbstractList<>() {
			@Override
			public Map.Entry<Integer, Map<String, Object>> get(int index) {
				return Map.entry(index, list.get(index));
			}

			@Override
			public int size() {
				return list.size();
			}
		};
		return Paging.page(request, indexed, e -> Paging.ascending(e.getKey()), e -> json.apply(e.getValue()), 10, 100);
	}

	/**
	 * Who the call acts as: the caller, or with {@code hostEmail} (query or body) the host an org admin schedules for,
	 * as Webex allows with admin scopes.
	 */
	private Person acting(Request request) {
		Person caller = people.caller(request);
		String hostEmail = request.query("hostEmail");
		if (hostEmail == null && request.body().length > 0) {
			hostEmail = request.json().path("hostEmail").asString(null);
		}
		if (hostEmail == null || hostEmail.equalsIgnoreCase(caller.email())) {
			return caller;
		}
		if (!caller.orgAdmin()) {
			throw new ApiError(403, "Acting for another host (hostEmail) needs an administrator's meeting:admin_schedule_write scope");
		}
		String email = hostEmail;
		return people.byEmail(email).filter(p -> "person".equals(p.type()))
			.orElseThrow(() -> ApiError.badRequest("hostEmail '" + email + "' is not a user of this site"));
	}

	private Map<String, Object> hosted(Request request) {
		return hosted(request, request.path("meetingId"));
	}

	private Map<String, Object> hosted(Request request, String meetingId) {
		Person caller = acting(request);
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
