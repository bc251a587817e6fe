package org.switchboard.messaging.spaces;

import java.util.List;

/** A new space and who is in it: {@code notAdded} lists each person Webex did not add, with its reason. */
public record CreatedSpace(String spaceId, String roomId, String title, String object, String recordId, List<Added> added,
		List<NotAdded> notAdded) {

	public record Added(String email, String name) {
	}

	public record NotAdded(String email, String name, String reason) {
	}
}
