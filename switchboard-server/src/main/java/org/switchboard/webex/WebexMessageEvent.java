package org.switchboard.webex;

import java.time.Instant;

/** A message was created or deleted in a space ({@code messages} webhook); fetch it by id for its content. */
public record WebexMessageEvent(long deliveryId, String webhookId, String ownerPersonId, String event, String messageId,
		String roomId, String roomType, String personId, String personEmail, Instant created) {
}
