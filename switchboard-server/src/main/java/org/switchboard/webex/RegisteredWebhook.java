package org.switchboard.webex;

import java.time.Instant;

/**
 * A webhook Switchboard created at Webex (its secret stays inside the webex module): what Webex last said of it
 * ({@code status}, when {@code checked}) and when its last delivery arrived.
 */
public record RegisteredWebhook(String id, String name, String resource, String event, String targetUrl,
		String ownerPersonId, Instant created, String status, Instant checked, Instant lastDelivery) {
}
