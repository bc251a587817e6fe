package org.switchboard.messaging.spaces;

import java.util.List;

import org.springframework.stereotype.Service;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;

/**
 * Who may see a record's space and untie it: a member of its Webex room (Webex answers 404 to anyone else's token)
 * or a Webex Admin. Asks Webex with the user's token, outside any transaction.
 */
@Service
public class SpaceMembership {

	private final WebexClient client;
	private final WebexAccounts accounts;

	SpaceMembership(WebexClient client, WebexAccounts accounts) {
		this.client = client;
		this.accounts = accounts;
	}

	/** 403 unless the signed-in user is in the space's room or a Webex Admin. */
	public void requireMemberOrAdmin(String userId, Space space) {
		if (!Access.has(PermissionSet.WEBEX_ADMIN)) {
			String token = accounts.tokenFor(userId).orElseThrow(RecordSpaces.notMember(space));
			inRoom(token, space);
		}
	}

	/** The spaces whose rooms the signed-in user is in (a Webex Admin sees them all). */
	public List<Space> visible(String userId, List<Space> spaces) {
		if (spaces.isEmpty() || Access.has(PermissionSet.WEBEX_ADMIN)) {
			return spaces;
		}
		String token = accounts.tokenFor(userId).orElse(null);
		return token == null ? List.of() : spaces.stream().filter(space -> isInRoom(token, space)).toList();
	}

	private boolean isInRoom(String token, Space space) {
		try {
			inRoom(token, space);
			return true;
		}
		catch (RuntimeException notMember) {
			return false;
		}
	}

	private void inRoom(String token, Space space) {
		try {
			client.room(token, space.roomId());
		}
		catch (WebexApiException.NotFound e) {
			throw RecordSpaces.notMember(space).get();
		}
	}
}
