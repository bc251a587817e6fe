package org.switchboard.messaging.spaces;

import java.time.Instant;

/** A Webex space (room) tied to a CRM record. */
public record Space(String spaceId, String object, String recordId, String roomId, String title, String createdBy,
		Instant createdAt) {
}
