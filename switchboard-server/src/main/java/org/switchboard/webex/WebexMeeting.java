package org.switchboard.webex;

import tools.jackson.databind.JsonNode;

/**
 * A Webex meeting ({@code /meetings}): {@code meetingType} meetingSeries, scheduledMeeting or meeting, and its {@code state}
 * (scheduled, ready, inProgress, ended, missed, ...).
 */
public record WebexMeeting(String id, String meetingNumber, String title, String agenda, String start, String end, String timezone,
		String meetingType, String state, String hostEmail, String hostDisplayName, String webLink, String meetingSeriesId) {

	public static WebexMeeting from(JsonNode json) {
		return new WebexMeeting(json.path("id").asString(), json.path("meetingNumber").asString(null), json.path("title").asString(null),
				json.path("agenda").asString(null), json.path("start").asString(null), json.path("end").asString(null),
				json.path("timezone").asString(null), json.path("meetingType").asString(null), json.path("state").asString(null),
				json.path("hostEmail").asString(null), json.path("hostDisplayName").asString(null), json.path("webLink").asString(null),
				json.path("meetingSeriesId").asString(null));
	}
}
