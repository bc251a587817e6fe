package org.switchboard.webex;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A Webex message ({@code /messages}), with its attachments' content URLs in order. */
public record WebexMessage(String id, String roomId, String parentId, String personId, String personEmail, String text,
		String markdown, String html, List<URI> files, String created) {

	public static WebexMessage from(JsonNode json) {
		List<URI> files = new ArrayList<>();
		json.path("files").forEach(f -> files.add(URI.create(f.asString())));
		return new WebexMessage(json.path("id").asString(), json.path("roomId").asString(null), json.path("parentId").asString(null),
				json.path("personId").asString(null), json.path("personEmail").asString(null), json.path("text").asString(null),
				json.path("markdown").asString(null), json.path("html").asString(null), List.copyOf(files), json.path("created").asString(null));
	}
}
