package org.switchboard.webex;

import tools.jackson.databind.JsonNode;

/** A webhook as Webex lists it ({@code /webhooks}); {@code status} is {@code active} or {@code inactive}. Never the secret. */
public record WebexWebhook(String id, String name, String targetUrl, String resource, String event, String filter, String status,
		String createdBy, String created) {

	public static WebexWebhook from(JsonNode json) {
		return new WebexWebhook(json.path("id").asString(), json.path("name").asString(null), json.path("targetUrl").asString(""),
				json.path("resource").asString(null), json.path("event").asString(null), json.path("filter").asString(null),
				json.path("status").asString("unknown"), json.path("createdBy").asString(null), json.path("created").asString(null));
	}
}
