package org.switchboard.webex;

/** Someone joined or left a space ({@code memberships} webhook). */
public record WebexMembershipEvent(long deliveryId, String webhookId, String ownerPersonId, String event,
		String membershipId, String roomId, String personId, String personEmail) {
}
