package org.switchboard.meetings.scheduling;

import java.util.List;

/**
 * {@code POST /api/records/{object}/{id}/meetings}: {@code start} is ISO 8601 with an offset, or a local date-time in
 * {@code timezone}; {@code end} may stand in for {@code durationMinutes}. Also the body of {@code PATCH} (every field
 * optional there).
 */
public record ScheduleRequest(String title, String start, String end, Integer durationMinutes, String timezone, String agenda,
		List<InviteeRef> invitees) {

	/** An invitee: any email, or a Contact, Lead or User by id. */
	public record InviteeRef(String email, String object, String id) {
	}
}
