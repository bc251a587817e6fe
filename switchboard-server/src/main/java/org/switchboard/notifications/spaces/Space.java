package org.switchboard.notifications.spaces;

import org.switchboard.platform.names.EmailAddresses;

/** A Webex space tied to a record, with whether the bot has joined its room. */
public record Space(String spaceId, String object, String recordId, String roomId, String linkedBy, String botState,
		String botEmail, int attempts) {

	public boolean joinedBy(String email) {
		return "joined".equals(botState) && EmailAddresses.same(email, botEmail);
	}
}
