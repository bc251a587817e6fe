package org.switchboard.meetings.scheduling;

import java.util.List;

/** The answer to scheduling: the meeting, who was invited, and each invitee Webex refused with its reason. */
public record ScheduledMeeting(String meetingId, String webexMeetingId, String title, String start, String end, String timezone,
		String webLink, String object, String recordId, List<Invited> invited, List<NotInvited> notInvited) {

	public record Invited(String email, String name) {
	}

	public record NotInvited(String email, String name, String reason) {
	}
}
