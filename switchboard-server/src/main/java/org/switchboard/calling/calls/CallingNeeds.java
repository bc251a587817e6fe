package org.switchboard.calling.calls;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.webex.WebexNeeds;

/** Calling dials, answers and reads calls as the user ({@code spark:calls_*}) and follows their call events. */
@Component
class CallingNeeds implements WebexNeeds {

	@Override
	public Set<String> scopes() {
		return Set.of("spark:calls_read", "spark:calls_write");
	}

	@Override
	public List<WebhookNeed> webhooks() {
		return List.of(new WebhookNeed("Switchboard calls", "telephony_calls", "all"));
	}
}
