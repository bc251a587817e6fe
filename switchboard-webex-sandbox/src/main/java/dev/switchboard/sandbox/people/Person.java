package dev.switchboard.sandbox.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A seeded Webex person or bot, with the access token that acts as them and their org roles (role ids). */
public record Person(String id, String email, String displayName, String firstName, String lastName, String type,
		String token, String phoneNumber, String extension, String orgId, String created, List<String> roles) {

	public Person(String id, String email, String displayName, String firstName, String lastName, String type,
			String token, String phoneNumber, String extension, String orgId, String created) {
		this(id, email, displayName, firstName, lastName, type, token, phoneNumber, extension, orgId, created, List.of());
	}

	/** Whether the person holds the org's full-admin role. */
	public boolean orgAdmin() {
		return roles.contains(dev.switchboard.sandbox.WebexSandbox.FULL_ADMIN_ROLE);
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
		json.put("roles", roles);
		json.put("created", created);
		json.put("lastModified", created);
		json.put("status", "active");
		json.put("type", type);
		return json;
	}
}
