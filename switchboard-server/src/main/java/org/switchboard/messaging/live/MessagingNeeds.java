package org.switchboard.messaging.live;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.webex.WebexNeeds;

/** Messaging creates spaces, adds members and reads and posts messages as the user, and hears of new messages live. */
@Component
class MessagingNeeds implements WebexNeeds {

	@Override
	public Set<String> scopes() {
		return Set.of("spark:rooms_read", "spark:rooms_write", "spark:memberships_read", "spark:memberships_write",
				"spark:messages_read", "spark:messages_write");
	}

	@Override
	public List<WebhookNeed> webhooks() {
		return List.of(new WebhookNeed("Switchboard messages", "messages", "created"));
	}
}
