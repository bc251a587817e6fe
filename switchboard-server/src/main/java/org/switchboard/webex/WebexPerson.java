package org.switchboard.webex;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A Webex person or bot ({@code GET /people/me}, {@code /people/{id}}), with the fields Switchboard reads. */
public record WebexPerson(String id, List<String> emails, String displayName, String orgId, String type, String avatar,
		List<String> roles) {

	public static WebexPerson from(JsonNode json) {
		List<String> emails = new ArrayList<>();
		json.path("emails").forEach(e -> emails.add(e.asString()));
		List<String> roles = new ArrayList<>();
		json.path("roles").forEach(r -> roles.add(r.asString()));
		return new WebexPerson(json.path("id").asString(), List.copyOf(emails), json.path("displayName").asString(null),
				json.path("orgId").asString(null), json.path("type").asString("person"), json.path("avatar").asString(null),
				List.copyOf(roles));
	}

	/** The primary email ("" when Webex lists none). */
	public String email() {
		return emails.isEmpty() ? "" : emails.get(0);
	}

	public boolean isBot() {
		return "bot".equals(type);
	}
}
