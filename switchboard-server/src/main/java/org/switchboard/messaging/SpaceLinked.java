package org.switchboard.messaging;

import java.time.Instant;

/**
 * A Webex space was created for (or linked to) a CRM record. Published in the transaction that stores the link.
 *
 * @param spaceId Switchboard's id of the link
 * @param roomId the Webex room id
 * @param linkedByUserId the User record that created the space; a member of the room, so its Webex token can add others
 */
public record SpaceLinked(String spaceId, String object, String recordId, String roomId, String title,
		String linkedByUserId, Instant linkedAt) {
}
