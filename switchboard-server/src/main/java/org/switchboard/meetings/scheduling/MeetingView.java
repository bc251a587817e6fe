package org.switchboard.meetings.scheduling;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A meeting as the API lists it; times in the meeting's time zone. */
public record MeetingView(String meetingId, String webexMeetingId, String title, String start, String end, String timezone,
		String state, String webLink, String hostEmail, boolean host, String object, String recordId, String eventId) {

	public static MeetingView of(MeetingRow m, String userId) {
		return new MeetingView(m.id(), m.webexMeetingId(), m.title(), zoned(m.start(), m.timezone()), zoned(m.end(), m.timezone()),
				m.timezone(), m.state(), m.webLink(), m.hostEmail(), m.hostUserId().equals(userId), m.object(), m.recordId(), m.eventId());
	}

	static String zoned(java.time.Instant instant, String zone) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of(zone)));
	}
}
