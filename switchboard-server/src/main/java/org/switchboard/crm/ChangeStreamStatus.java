package org.switchboard.crm;

import java.time.Instant;

/**
 * The state of the CRM's change-event stream (Salesforce Change Data Capture), for the console and health. Only
 * present when the backend has such a stream.
 */
public interface ChangeStreamStatus {

	State state();

	/**
	 * @param subscribed whether this replica holds the stream's lease (one subscriber for all replicas)
	 * @param connected whether the stream is open right now
	 * @param lastReplayId the replay id stored after the last processed batch, Base64, or null before the first
	 * @param lastEventAt when the last change event arrived, or null
	 * @param eventsReceived change events processed since the stream was first opened (all replicas, stored)
	 * @param lastError the last failure's description, or null
	 */
	record State(String topic, boolean subscribed, boolean connected, String lastReplayId, Instant lastEventAt,
			long eventsReceived, String lastError) {
	}
}
