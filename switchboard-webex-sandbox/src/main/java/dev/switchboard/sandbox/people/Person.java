package dev.switchboard.sandbox.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A seeded Webex person or bot, with the access token that acts as them. */
public record Person(String id, String email, String displayName, String firstName, String lastName, String type,
		String token, String phoneNumber, String extension, String orgId, String created) {

	/** The people who are full administrators of the sandbox's org; {@code people/me} lists their {@code roles} as Webex does. */
	static final java.util.Set<String> ORG_ADMINS = java.util.Set.of("admin@switchboard.test");

	public boolean orgAdmin() {
		return ORG_ADMINS.contains(email);
	}

	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("emails", List.of(email));
		json.put("phoneNumbers", phoneNumber == null ? List.of()
				: List.of(Map.of("type", "work", "value", phoneNumber, "primary", true)));
		if (extension != null) {
			json.put("extension", extension);
		}
		json.put("displayName", displayName);
		json.put("nickName", firstName);
		json.put("firstName", firstName);
		json.put("lastName", lastName);
		json.put("orgId", orgId);
		json.put("created", created);
		json.put("lastModified", created);
		json.put("status", "active");
		json.put("type", type);
		if (ORG_ADMINS.contains(email)) {
			json.put("roles", List.of(dev.switchboard.sandbox.WebexIds.of("ROLE", "id_full_admin")));
		}
		return json;
	}
}
