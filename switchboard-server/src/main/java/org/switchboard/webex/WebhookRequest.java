package org.switchboard.webex;

import java.util.LinkedHashMap;
import java.util.Map;

/** What Switchboard asks Webex to deliver: a resource/event pair to a target URL, signed with a secret. */
public record WebhookRequest(String name, String targetUrl, String resource, String event, String filter,
		String secret, String status) {

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", name);
		json.put("targetUrl", targetUrl);
		json.put("resource", resource);
		json.put("event", event);
		if (filter != null) {
			json.put("filter", filter);
		}
		if (secret != null) {
			json.put("secret", secret);
		}
		if (status != null) {
			json.put("status", status);
		}
		return json;
	}
}
