package org.switchboard.meetings.scheduling;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.platform.live.LiveEvents;

/** Live {@code meeting} events to the host's open tabs (the calendar panel, the record's component), after commit. */
@Component
public class MeetingsLive {

	public static final String EVENT = "meeting";

	private final LiveEvents events;

	MeetingsLive(LiveEvents events) {
		this.events = events;
	}

	public void changed(MeetingRow meeting, String change) {
		events.publish(meeting.hostUserId(), EVENT, meeting.id() + ":" + change, Map.of("meetingId", meeting.id(), "change", change,
				"object", meeting.object(), "recordId", meeting.recordId()));
	}
}
