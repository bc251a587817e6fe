package dev.switchboard.sandbox.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook as Webex stores it; {@code failures} counts consecutive failed deliveries. */
final class Webhook {

	final String id;
	final String ownerPersonId;
	final String orgId;
	final String created;
	volatile String name;
	volatile String targetUrl;
	final String resource;
	final String event;
	final String filter;
	final WebhookFilter parsedFilter;
	final String ownedBy;
	final long sequence;
	volatile String secret;
	volatile String status = "active";
	final AtomicInteger failures = new AtomicInteger();

	Webhook(String id, String ownerPersonId, String orgId, String created, String name, String targetUrl, String resource,
			String event, String filter, String secret, String ownedBy, long sequence) {
		this.id = id;
		this.ownerPersonId = ownerPersonId;
		this.orgId = orgId;
		this.created = created;
		this.name = name;
		this.targetUrl = targetUrl;
		this.resource = resource;
		this.event = event;
		this.filter = filter;
		this.parsedFilter = WebhookFilter.parse(filter, resource, "org".equals(ownedBy));
		this.secret = secret;
		this.ownedBy = ownedBy;
		this.sequence = sequence;
	}

	boolean matches(String resource, String event, Map<String, Object> data) {
		return "active".equals(status) && (this.resource.equals(resource) || this.resource.equals("all"))
				&& (this.event.equals(event) || this.event.equals("all")) && parsedFilter.matches(data, ownerPersonId);
	}

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
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
		json.put("status", status);
		json.put("created", created);
		json.put("orgId", orgId);
		json.put("createdBy", ownerPersonId);
		json.put("appId", Webhooks.APP_ID);
		json.put("ownedBy", ownedBy);
		return json;
	}
}
