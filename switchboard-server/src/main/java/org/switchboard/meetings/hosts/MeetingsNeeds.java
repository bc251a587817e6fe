package org.switchboard.meetings.hosts;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.webex.WebexNeeds;

/** Meetings schedule and read the user's meetings and their participants, and follow their meeting events for logs. */
@Component
class MeetingsNeeds implements WebexNeeds {

	@Override
	public Set<String> scopes() {
		return Set.of("meeting:schedules_read", "meeting:schedules_write", "meeting:participants_read");
	}

	@Override
	public List<WebhookNeed> webhooks() {
		return List.of(new WebhookNeed("Switchboard meetings", "meetings", "all"));
	}
}
