package dev.switchboard.sandbox.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.sandbox.Clock;
import dev.switchboard.sandbox.SeedPerson;
import dev.switchboard.sandbox.WebexIds;
import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Request;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /sandbox/webinars {"hostEmail","title","start","end","registrants":N,"invitees":N,"attendees":N,"withoutEmail":N,"domain","occurrences":N}}:
 * a webinar (past or upcoming, no "start in the past" rule: it is a test fixture) with generated people in Webex's
 * shapes (Registrant, meeting invitee, meeting participant of the OpenAPI documents). Person {@code n} is the same
 * person in every list (same email), so the first min(N) people are invitee, registrant and attendee at once;
 * {@code withoutEmail} blanks the email of the first registrants (an import keyed on Email must skip them); person
 * {@code n}'s email is {@code person<n>@<domain>}.
 * <p>
 * A webinar runs {@code occurrences} times (default 1), one day apart from {@code start}; each occurrence that has ended
 * is an ended meeting instance holding its own participants, as in Webex, where a series id answers only its last
 * instance's participants. Attendee {@code n} joins occurrence {@code n % occurrences}, and attendee 0 joins every one.
 * Attendees need at least one ended occurrence.
 */
final class GeneratedWebinars {

	static final int MAX_PEOPLE = 200_000;
	private static final int MAX_OCCURRENCES = 52;
	private static final String SITE = "switchboard-sandbox.webex.com";
	private static final AtomicLong BATCH = new AtomicLong();

	private GeneratedWebinars() {
	}

	/** The request's counts, start and end, checked. */
	record Spec(String hostEmail, String title, Instant start, Instant end, int registrants, int invitees, int attendees,
			int withoutEmail, String domain, int occurrences) {

		static Spec of(Request request) {
			JsonNode body = request.json();
			String title = body.path("title").asString("Generated webinar");
			if (title.isBlank() || title.length() > 128) {
				throw ApiError.badRequest("title must have 1 to 128 characters");
			}
			Instant start = body.hasNonNull("start") ? parse(body.path("start").asString())
					: Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
			Instant end = body.hasNonNull("end") ? parse(body.path("end").asString()) : start.plus(Duration.ofHours(1));
			if (!end.isAfter(start)) {
				throw ApiError.badRequest("end must be after start");
			}
			Spec spec = new Spec(request.required(body, "hostEmail"), title, start, end, count(body, "registrants"), count(body, "invitees"),
					count(body, "attendees"), count(body, "withoutEmail"), domain(body), occurrences(body));
			if (spec.attendees() > 0 && spec.ended() == 0) {
				throw ApiError.badRequest("attendees need a webinar with an occurrence that has ended (end before now)");
			}
			return spec;
		}

		private static int occurrences(JsonNode body) {
			JsonNode node = body.path("occurrences");
			if (node.isMissingNode() || node.isNull()) {
				return 1;
			}
			if (!node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > MAX_OCCURRENCES) {
				throw ApiError.badRequest("occurrences must be a whole number from 1 to " + MAX_OCCURRENCES);
			}
			return node.asInt();
		}

		/** Start of occurrence {@code k} (0-based): one day after the one before. */
		Instant start(int k) {
			return start.plus(Duration.ofDays(k));
		}

		Instant end(int k) {
			return end.plus(Duration.ofDays(k));
		}

		/** How many occurrences have ended by now (they come first). */
		int ended() {
			int k = 0;
			while (k < occurrences && end(k).isBefore(Instant.now())) {
				k++;
			}
			return k;
		}

		/** The people's email domain: given (two webinars with one domain share their people), else a new one. */
		private static String domain(JsonNode body) {
			String domain = body.path("domain").asString("");
			if (domain.isEmpty()) {
				return "w" + BATCH.incrementAndGet() + "-" + Long.toString(System.currentTimeMillis(), 36) + ".example.com";
			}
			if (!domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
				throw ApiError.badRequest("domain must be a domain name such as acme.example.com");
			}
			return domain;
		}

		private static int count(JsonNode body, String field) {
			JsonNode node = body.path(field);
			if (node.isMissingNode() || node.isNull()) {
				return 0;
			}
			if (!node.isIntegralNumber() || node.asInt() < 0 || node.asInt() > MAX_PEOPLE) {
				throw ApiError.badRequest(field + " must be a whole number from 0 to " + MAX_PEOPLE);
			}
			return node.asInt();
		}

		private static Instant parse(String text) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException e) {
				throw ApiError.badRequest("start and end must be ISO 8601 date-times such as 2026-12-01T10:00:00Z");
			}
		}

		String email(int n) {
			return "person" + n + "@" + domain;
		}
	}

	static List<Map<String, Object>> invitees(Spec spec, Map<String, Object> webinar, AtomicLong sequence) {
		List<Map<String, Object>> list = new ArrayList<>(spec.invitees());
		for (int n = 0; n < spec.invitees(); n++) {
			Map<String, Object> invitee = new LinkedHashMap<>();
			invitee.put("id", webinar.get("id") + "_" + sequence.incrementAndGet());
			invitee.put("email", spec.email(n));
			invitee.put("displayName", "First" + n + " Last" + n);
			invitee.put("coHost", false);
			invitee.put("meetingId", webinar.get("id"));
			invitee.put("panelist", false);
			list.add(invitee);
		}
		return list;
	}

	static List<Map<String, Object>> registrants(Spec spec, AtomicLong sequence) {
		List<Map<String, Object>> list = new ArrayList<>(spec.registrants());
		String registered = Clock.format(spec.start().minus(Duration.ofDays(3)));
		for (int n = 0; n < spec.registrants(); n++) {
			Map<String, Object> registrant = new LinkedHashMap<>();
			registrant.put("id", String.valueOf(sequence.incrementAndGet()));
			registrant.put("status", "approved");
			registrant.put("firstName", "First" + n);
			registrant.put("lastName", "Last" + n);
			registrant.put("email", n < spec.withoutEmail() ? "" : spec.email(n));
			registrant.put("jobTitle", n % 3 == 0 ? "Engineer" : "Manager");
			registrant.put("companyName", "Company " + (n % 500));
			registrant.put("address1", n + " Market Street");
			registrant.put("city", "San Francisco");
			registrant.put("state", "CA");
			registrant.put("zipCode", 94105);
			registrant.put("countryRegion", "United States");
			registrant.put("workPhone", "+1 415 555 " + (10_000 + n % 10_000 + "").substring(1));
			registrant.put("registrationTime", registered);
			registrant.put("sourceId", "sandbox");
			list.add(registrant);
		}
		return list;
	}

	/**
	 * Attendees of ended occurrence {@code k} ({@code instance}): participants who joined a few minutes late and left a
	 * little early, each with one device.
	 */
	static List<Map<String, Object>> participants(Spec spec, Map<String, Object> instance, int k, AtomicLong sequence) {
		List<Map<String, Object>> list = new ArrayList<>();
		// Everyone joins 0-9 minutes late and leaves 0-6 minutes early: 17 timestamps, formatted once (start-up's demo
		// webinar has 2,500 attendees).
		String started = Clock.format(spec.start(k));
		String[] joinedAt = new String[10];
		String[] leftAt = new String[7];
		for (int n = 0; n < spec.attendees(); n++) {
			if (n != 0 && n % spec.occurrences() != k) {
				continue;
			}
			Instant joined = spec.start(k).plus(Duration.ofMinutes(n % 10));
			Instant left = spec.end(k).minus(Duration.ofMinutes(n % 7));
			String joinedTime = joinedAt[n % 10] != null ? joinedAt[n % 10] : (joinedAt[n % 10] = Clock.format(joined));
			String leftTime = leftAt[n % 7] != null ? leftAt[n % 7] : (leftAt[n % 7] = Clock.format(left));
			Map<String, Object> participant = new LinkedHashMap<>();
			participant.put("id", instance.get("id") + "_" + sequence.incrementAndGet());
			participant.put("orgId", WebexIds.of("ORGANIZATION", SeedPerson.ORG_UUID));
			participant.put("host", false);
			participant.put("coHost", false);
			participant.put("email", spec.email(n));
			participant.put("displayName", "First" + n + " Last" + n);
			participant.put("invitee", n < spec.invitees());
			participant.put("muted", true);
			participant.put("meetingStartTime", started);
			participant.put("video", "off");
			participant.put("state", "end");
			participant.put("joinedTime", joinedTime);
			participant.put("leftTime", leftTime);
			participant.put("siteUrl", SITE);
			participant.put("meetingId", instance.get("id"));
			participant.put("hostEmail", instance.get("hostEmail"));
			Map<String, Object> device = new LinkedHashMap<>();
			device.put("correlationId", java.util.UUID.nameUUIDFromBytes((instance.get("id") + "/" + n).getBytes()).toString());
			device.put("deviceType", "webex_meeting_center_mac");
			device.put("audioType", "voip");
			device.put("joinedTime", joinedTime);
			device.put("leftTime", leftTime);
			device.put("durationSecond", Duration.between(joined, left).toSeconds());
			participant.put("devices", List.of(device));
			list.add(participant);
		}
		return list;
	}
}
