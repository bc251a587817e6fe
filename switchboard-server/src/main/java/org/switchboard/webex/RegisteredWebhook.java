package org.switchboard.webex;

import java.time.Instant;

/** A webhook Switchboard created at Webex (its secret stays inside the webex module). */
public record RegisteredWebhook(String id, String name, String resource, String event, String targetUrl,
		String ownerPersonId, Instant created) {
}
