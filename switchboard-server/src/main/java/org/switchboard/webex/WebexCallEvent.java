package org.switchboard.webex;

import java.time.Instant;

/**
 * A call of {@code ownerPersonId} changed state ({@code telephony_calls} webhook). Deliveries may come twice
 * or out of order: consumers key on {@code callId} and order by {@code eventTimestamp}.
 *
 * @param personality originator, terminator or clickToDial
 * @param state connecting, alerting, connected, held, remoteHeld or disconnected
 */
public record WebexCallEvent(long deliveryId, String webhookId, String ownerPersonId, String event, String eventType,
		String callId, String callSessionId, String personality, String state, String remoteName, String remoteNumber,
		boolean privacyEnabled, Instant created, Instant answered, Instant disconnected, Instant eventTimestamp) {
}
