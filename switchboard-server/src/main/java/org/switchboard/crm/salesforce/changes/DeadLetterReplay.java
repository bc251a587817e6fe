package org.switchboard.crm.salesforce.changes;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.crm.ChangeEventDeadLetters;
import org.switchboard.crm.CrmException;
import org.switchboard.platform.errors.Refusal;

import io.grpc.StatusRuntimeException;

/**
 * The console's view of the stream's dead letters and its Replay action: decode the stored event again (its schema
 * fetched anew) and publish its changes as if it arrived now. The stream's position does not move; a replay that
 * fails again keeps the dead letter with the new reason.
 */
class DeadLetterReplay implements ChangeEventDeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

	private final DeadLetters deadLetters;
	private final BatchProcessor processor;
	private final PubSubClient client;
	private final Clock clock;

	DeadLetterReplay(DeadLetters deadLetters, BatchProcessor processor, PubSubClient client, Clock clock) {
		this.deadLetters = deadLetters;
		this.processor = processor;
		this.client = client;
		this.clock = clock;
	}

	@Override
	public List<DeadLetter> waiting(int limit) {
		return deadLetters.waiting(limit);
	}

	@Override
	public long waitingCount() {
		return deadLetters.waitingCount();
	}

	@Override
	public DeadLetter replay(String id) {
		DeadLetter letter = deadLetters.find(id).orElseThrow(() -> CrmException.refused(Refusal.NOT_FOUND, "No such dead letter",
				"There is no dead change event " + id));
		if (letter.replayedAt() != null) {
			throw CrmException.refused(Refusal.CONFLICT, "Already replayed", "The change event " + id + " was replayed at " + letter.replayedAt());
		}
		DeadLetters.Raw raw = deadLetters.raw(id);
		try {
			CdcEvent event = processor.decode(raw.schemaId(), raw.payload(), client.credentials());
			processor.replay(event, () -> {
				if (!deadLetters.replayed(id, clock.instant())) {
					throw CrmException.refused(Refusal.CONFLICT, "Already replayed", "The change event " + id + " was replayed meanwhile");
				}
			});
		}
		catch (StatusRuntimeException e) {
			throw CrmException.unavailable("Salesforce did not answer", "Could not fetch the event's schema from Salesforce: "
					+ e.getStatus().getCode() + "; try again later");
		}
		catch (CrmException e) {
			throw e;
		}
		catch (RuntimeException e) {
			log.warn("Replaying the dead change event {} failed again: {}", id, e.toString());
			deadLetters.failedAgain(id, "Replay failed: " + e);
			throw CrmException.refused(Refusal.CONFLICT, "The change event still fails", "Replaying it failed again: " + e.getMessage());
		}
		return deadLetters.find(id).orElseThrow();
	}
}
