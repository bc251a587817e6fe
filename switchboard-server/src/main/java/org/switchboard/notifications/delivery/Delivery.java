package org.switchboard.notifications.delivery;

import java.time.Instant;

/** One outbox row as the deliveries API shows it. */
public record Delivery(long id, String ruleId, String ruleName, String object, String recordId, String spaceId, String roomId,
		String text, String status, int attempts, Instant nextAttemptAt, String lastError, String messageId, Instant createdAt,
		Instant updatedAt, Instant sentAt) {
}
