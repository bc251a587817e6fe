package org.switchboard.meetings.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.switchboard.meetings.scheduling.MeetingRow;

import tools.jackson.databind.JsonNode;

/** The Event for an ended meeting: subject, actual start and end, who and what, and who attended for how long. */
final class EventContent {

	static final int MAX_DESCRIPTION = 32_000;

	private EventContent() {
	}

	static Map<String, Object> of(MeetingRow meeting, JsonNode instance, List<JsonNode> participants, String whatId) {
		Instant start = firstNonNull(MeetingLogs.instant(instance.path("start").asString(null)), meeting.start());
		Instant end = firstNonNull(MeetingLogs.instant(instance.path("end").asString(null)), meeting.end());
		if (end.isBefore(start)) {
			end = start;
		}
		Map<String, Attendance> attended = attendance(participants, end);
		StringBuilder text = new StringBuilder("Webex meeting \"").append(meeting.title()).append("\", hosted by ")
			.append(meeting.hostEmail()).append(", lasted ").append(minutes(Duration.between(start, end))).append(".\n");
		text.append(attended.isEmpty() ? "Nobody joined.\n" : "Attended (" + attended.size() + "):\n");
		attended.values().forEach(a -> text.append("- ").append(a.name().equals(a.email()) ? a.email() : a.name() + " <" + a.email() + ">")
			.append(a.host() ? " (host)" : "").append(": ").append(minutes(a.time())).append('\n'));
		if (meeting.webLink() != null) {
			text.append("Meeting link: ").append(meeting.webLink()).append('\n');
		}
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("Subject", meeting.title());
		event.put("StartDateTime", start.toString());
		event.put("EndDateTime", end.toString());
		event.put("DurationInMinutes", Duration.between(start, end).toMinutes());
		event.put("Location", meeting.webLink());
		event.put("Description", text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text.toString());
		event.put("EventSubtype", "Event");
		event.put("ShowAs", "Busy");
		event.put("WhoId", meeting.whoId());
		event.put("WhatId", whatId);
		event.values().removeIf(java.util.Objects::isNull);
		return event;
	}

	private record Attendance(String email, String name, boolean host, Duration time) {
	}

	/** Each person once (by email), with the time of all their joins added up; someone still in counts to the end. */
	private static Map<String, Attendance> attendance(List<JsonNode> participants, Instant end) {
		Map<String, Attendance> byEmail = new LinkedHashMap<>();
		for (JsonNode p : participants) {
			String email = p.path("email").asString("");
			if (email.isBlank()) {
				continue;
			}
			Instant joined = MeetingLogs.instant(p.path("joinedTime").asString(null));
			Instant left = firstNonNull(MeetingLogs.instant(p.path("leftTime").asString(null)), end);
			Duration time = joined == null || left.isBefore(joined) ? Duration.ZERO : Duration.between(joined, left);
			String key = email.toLowerCase(Locale.ROOT);
			Attendance before = byEmail.get(key);
			byEmail.put(key, new Attendance(email, p.path("displayName").asString(email), p.path("host").asBoolean(false)
					|| (before != null && before.host()), before == null ? time : before.time().plus(time)));
		}
		return byEmail;
	}

	static String minutes(Duration duration) {
		long minutes = Math.round(duration.toSeconds() / 60.0);
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}

	private static <T> T firstNonNull(T value, T fallback) {
		return value != null ? value : fallback;
	}
}
