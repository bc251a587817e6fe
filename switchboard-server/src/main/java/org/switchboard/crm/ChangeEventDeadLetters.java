package org.switchboard.crm;

import java.time.Instant;
import java.util.List;

/**
 * Change events from the CRM's change stream that could not be decoded or processed: kept with the reason while the
 * stream moves on past them, listed on the console and replayed by an admin once the cause is fixed. Only present
 * when the backend has such a stream (Salesforce Change Data Capture).
 */
public interface ChangeEventDeadLetters {

	/** The dead letters not replayed yet, newest first, at most {@code limit}. */
	List<DeadLetter> waiting(int limit);

	/** How many dead letters wait for a replay. */
	long waitingCount();

	/**
	 * Decodes and processes the event again, as if it arrived now (its changes are published, the stream position
	 * does not move); a refusal naming the reason when it still fails (the dead letter stays, its attempts counted)
	 * or when there is no such dead letter.
	 */
	DeadLetter replay(String id);

	/**
	 * @param replayId the event's replay id, Base64
	 * @param object the event's entity, or null when the event could not be decoded
	 * @param recordIds the event's record ids, empty when it could not be decoded
	 * @param replayedAt when a replay succeeded, or null
	 */
	record DeadLetter(String id, String replayId, String object, List<String> recordIds, String error, int attempts, Instant failedAt,
			Instant replayedAt) {

		public DeadLetter {
			recordIds = List.copyOf(recordIds);
		}
	}
}
