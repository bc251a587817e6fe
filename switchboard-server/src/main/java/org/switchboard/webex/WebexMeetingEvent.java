package org.switchboard.webex;

/** A meeting was created, updated, started, ended or deleted, or a participant joined or left. */
public record WebexMeetingEvent(long deliveryId, String webhookId, String ownerPersonId, String resource, String event,
		String meetingId) {
}
