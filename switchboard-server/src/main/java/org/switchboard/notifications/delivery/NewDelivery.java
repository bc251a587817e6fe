package org.switchboard.notifications.delivery;

/** An outbox row the engine queues: one (change, rule, room). */
public record NewDelivery(String changeKey, String ruleId, String ruleName, String object, String recordId, String spaceId,
		String roomId, String text) {
}
