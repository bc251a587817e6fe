package org.switchboard.webex;

import java.time.Instant;

/**
 * A verified webhook delivery as stored.
 *
 * @param status {@code processed}, or {@code failed} (a dead letter: stored and acknowledged, but its event could
 *               not be applied; {@code lastError} says why)
 */
public record WebhookDelivery(long id, String webhookId, String resource, String event, String status, int attempts,
		String lastError, Instant receivedAt) {
}
