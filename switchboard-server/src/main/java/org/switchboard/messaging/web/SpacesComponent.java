package org.switchboard.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.messaging.spaces.SpaceMembership;
import org.switchboard.messaging.spaces.SpaceStore;
import org.switchboard.platform.ui.RecordComponent;
import org.switchboard.platform.ui.RecordComponents;

/** The record's Webex spaces (M2): its spaces, a space's messages, posting with attachments, live updates. */
@Component
class SpacesComponent implements RecordComponents {

	private final SpaceStore spaces;
	private final SpaceMembership membership;

	SpacesComponent(SpaceStore spaces, SpaceMembership membership) {
		this.spaces = spaces;
		this.membership = membership;
	}

	@Override
	public List<RecordComponent> componentsFor(String object, String recordId) {
		if (!Access.has(PermissionSet.WEBEX_USER)) {
			return List.of();
		}
		return List.of(new RecordComponent("Webex spaces", 10, "messaging/spaces :: component",
				Map.of("object", object, "recordId", recordId, "spaces",
						membership.visible(Access.currentUserId(), spaces.forRecord(object, recordId)))));
	}
}
