package org.switchboard.webinars;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexMeeting;

import tools.jackson.databind.JsonNode;

/**
 * Reads a webinar's invitees, registrants and attendees from Webex (every page, following {@code Link}) and merges
 * them into one {@link WebinarPerson} per email, in a stable order (by key), so a resumed import meets the same
 * people at the same positions.
 */
@Component
class WebinarPeople {

	/** Registration fields by the name Webex's Registrant object gives them. */
	private static final Map<String, String> REGISTRANT_FIELDS = Map.ofEntries(Map.entry("firstName", "firstName"),
			Map.entry("lastName", "lastName"), Map.entry("email", "email"), Map.entry("companyName", "companyName"),
			Map.entry("jobTitle", "jobTitle"), Map.entry("workPhone", "phoneNumber"), Map.entry("address1", "address1"),
			Map.entry("address2", "address2"), Map.entry("city", "city"), Map.entry("state", "state"), Map.entry("zipCode", "zipCode"),
			Map.entry("countryRegion", "countryRegion"));

	private final WebexClient client;

	WebinarPeople(WebexClient client) {
		this.client = client;
	}

	List<WebinarPerson> read(String token, String webinarId, Set<String> lists) {
		Map<String, Builder> people = new HashMap<>();
		if (lists.contains("registrants")) {
			for (JsonNode r : client.webinarRegistrants(token, webinarId)) {
				Builder person = person(people, r.path("email").asString(""), "registrant:" + r.path("id").asString());
				person.registrant = true;
				REGISTRANT_FIELDS.forEach((webex, ours) -> {
					JsonNode value = r.path(webex);
					if (!value.isMissingNode() && !value.isNull() && !value.asString("").isBlank()) {
						person.registration.put(ours, value.asString());
					}
				});
			}
		}
		if (lists.contains("invitees")) {
			for (JsonNode i : client.meetingInvitees(token, webinarId)) {
				Builder person = person(people, i.path("email").asString(""), "invitee:" + i.path("id").asString());
				person.invitee = true;
				person.named(i.path("displayName").asString(""));
			}
		}
		if (lists.contains("attendees")) {
			for (JsonNode p : attendees(token, client.meeting(token, webinarId))) {
				Builder person = person(people, p.path("email").asString(""), "attendee:" + p.path("id").asString());
				person.attendee = true;
				person.named(p.path("displayName").asString(""));
				person.attended(time(p.path("joinedTime").asString(null)), time(p.path("leftTime").asString(null)));
			}
		}
		return people.values().stream().map(Builder::build).sorted(Comparator.comparing(WebinarPerson::key)).toList();
	}

	/**
	 * Everyone but the host who joined any ended occurrence, once per occurrence joined. Webex answers a series id with
	 * its last occurrence's participants only, so a webinar that ran several times is read instance by instance.
	 */
	List<JsonNode> attendees(String token, WebexMeeting webinar) {
		List<JsonNode> attendees = new ArrayList<>();
		for (String occurrence : endedOccurrences(token, webinar)) {
			client.meetingParticipants(token, occurrence).stream().filter(p -> !p.path("host").asBoolean(false)).forEach(attendees::add);
		}
		return attendees;
	}

	/** How many different people (by email, else by participant id) attended any occurrence. */
	int attendeeCount(String token, WebexMeeting webinar) {
		return (int) attendees(token, webinar).stream()
			.map(p -> p.path("email").asString("").isBlank() ? p.path("id").asString() : p.path("email").asString().toLowerCase(Locale.ROOT))
			.distinct().count();
	}

	/** The webinar's ended instances ({@code webinar} as already read from Webex: one read per count or import). */
	private List<String> endedOccurrences(String token, WebexMeeting webinar) {
		String webinarId = webinar.id();
		if ("meeting".equals(webinar.meetingType())) {
			return List.of(webinarId);
		}
		// An occurrence may start early (hosts can start before the scheduled time); a day's margin catches it.
		Instant from = OffsetDateTime.parse(webinar.start()).toInstant().minus(Duration.ofDays(1));
		return client.meetings(token, Map.of("meetingType", "meeting", "meetingSeriesId", webinarId, "state", "ended",
				"from", from.toString(), "to", Instant.now().toString())).stream().map(m -> m.path("id").asString()).toList();
	}

	private static Builder person(Map<String, Builder> people, String email, String fallbackKey) {
		String key = email.isBlank() ? fallbackKey : email.trim().toLowerCase(Locale.ROOT);
		Builder person = people.computeIfAbsent(key, Builder::new);
		if (!email.isBlank()) {
			person.registration.putIfAbsent("email", email.trim());
		}
		return person;
	}

	private static Instant time(String text) {
		if (text == null || text.startsWith("1970-")) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	private static final class Builder {

		final String key;
		final Map<String, String> registration = new LinkedHashMap<>();
		boolean invitee;
		boolean registrant;
		boolean attendee;
		Instant joined;
		Instant left;
		long seconds;

		Builder(String key) {
			this.key = key;
		}

		/** First and last name from a display name, for people who did not register. */
		void named(String displayName) {
			String name = displayName.trim();
			if (name.isEmpty() || name.contains("@")) {
				return;
			}
			int space = name.lastIndexOf(' ');
			registration.putIfAbsent("firstName", space < 0 ? null : name.substring(0, space));
			registration.putIfAbsent("lastName", space < 0 ? name : name.substring(space + 1));
			registration.values().removeIf(java.util.Objects::isNull);
		}

		void attended(Instant from, Instant to) {
			if (from == null) {
				return;
			}
			joined = joined == null || from.isBefore(joined) ? from : joined;
			if (to != null) {
				left = left == null || to.isAfter(left) ? to : left;
				seconds += Math.max(0, Duration.between(from, to).toSeconds());
			}
		}

		WebinarPerson build() {
			return new WebinarPerson(key, registration, invitee, registrant, attendee, joined, left, Math.round(seconds / 60.0));
		}
	}
}
