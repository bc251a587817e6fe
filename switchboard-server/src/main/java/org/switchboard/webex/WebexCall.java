package org.switchboard.webex;

import tools.jackson.databind.JsonNode;

/**
 * A Webex call as call control answers it ({@code /telephony/calls}: the {@code Call} object; the dial answer carries only
 * {@code callId} and {@code callSessionId}, so the other fields are null there).
 */
public record WebexCall(String id, String callSessionId, String personality, String state, String remoteName, String remoteNumber,
		boolean privacyEnabled, String created, String answered) {

	public static WebexCall from(JsonNode json) {
		JsonNode remote = json.path("remoteParty");
		return new WebexCall(json.hasNonNull("id") ? json.path("id").asString() : json.path("callId").asString(null),
				json.path("callSessionId").asString(null), json.path("personality").asString(null), json.path("state").asString(null),
				remote.path("name").asString(null), remote.path("number").asString(null), remote.path("privacyEnabled").asBoolean(false),
				json.path("created").asString(null), json.path("answered").asString(null));
	}

	/** One line of the user's call history ({@code CallHistoryRecord}): {@code type} placed, missed or received. */
	public record HistoryEntry(String type, String name, String number, boolean privacyEnabled, String time) {

		public static HistoryEntry from(JsonNode json) {
			return new HistoryEntry(json.path("type").asString(null), json.path("name").asString(null), json.path("number").asString(null),
					json.path("privacyEnabled").asBoolean(false), json.path("time").asString(null));
		}
	}
}
