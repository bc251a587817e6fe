package org.switchboard.meetings.scheduling;

import java.time.Instant;

/** A Webex meeting tied to a record, as stored: {@code state} is scheduled, cancelled or ended. */
public record MeetingRow(String id, String webexMeetingId, String object, String recordId, String whoId, String hostUserId,
		String hostEmail, boolean onBehalf, String title, Instant start, Instant end, String timezone, String webLink,
		String state, String eventId, Instant createdAt) {

	MeetingRow rescheduled(String newTitle, Instant newStart, Instant newEnd, String newTimezone) {
		return new MeetingRow(id, webexMeetingId, object, recordId, whoId, hostUserId, hostEmail, onBehalf, newTitle, newStart,
				newEnd, newTimezone, webLink, state, eventId, createdAt);
	}
}
