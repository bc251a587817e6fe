package dev.switchboard.salesforce.pubsub;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import com.salesforce.eventbus.protobuf.ConsumerEvent;

/**
 * The retained events of the double in publishing order. Replay ids are opaque 8-byte values to subscribers (here a
 * sequence number, offset so that it does not look like a position); only the newest {@code retention} events are
 * kept, like the 72-hour window of the real event bus.
 */
final class EventLog {

	private static final long OFFSET = 7_340_032L;

	private final List<ConsumerEvent> events = new ArrayList<>();
	private final int retention;
	private long dropped;

	EventLog(int retention) {
		this.retention = retention;
	}

	synchronized ConsumerEvent append(com.salesforce.eventbus.protobuf.ProducerEvent event) {
		ConsumerEvent stored = ConsumerEvent.newBuilder().setEvent(event).setReplayId(replayId(dropped + events.size())).build();
		events.add(stored);
		int excess = events.size() - retention;
		if (excess > Math.max(1, retention / 8) || (excess > 0 && retention < 64)) {
			events.subList(0, excess).clear();
			dropped += excess;
		}
		return stored;
	}

	/** The position of the first event after {@code replayId}; throws when the id is not one this log could have given. */
	synchronized long positionAfter(ByteString replayId) {
		if (replayId.size() != Long.BYTES) {
			throw new IllegalArgumentException("The replay id is not one this event bus issued");
		}
		long position = replayId.asReadOnlyByteBuffer().getLong() - OFFSET;
		if (position < dropped - 1 || position >= dropped + events.size()) {
			throw new IllegalArgumentException("The replay id is outside the retention window or in the future");
		}
		return position + 1;
	}

	synchronized long earliest() {
		return dropped;
	}

	synchronized long end() {
		return dropped + events.size();
	}

	/** Up to {@code max} events from {@code position}; empty when none is there yet. */
	synchronized List<ConsumerEvent> read(long position, int max) {
		long from = Math.max(position, dropped);
		int start = (int) (from - dropped);
		int stop = (int) Math.min(events.size(), (long) start + max);
		return start >= stop ? List.of() : new ArrayList<>(events.subList(start, stop));
	}

	/** Whether events before {@code position} were dropped before a subscriber got them. */
	synchronized boolean lost(long position) {
		return position < dropped;
	}

	synchronized ByteString latestReplayId() {
		return events.isEmpty() ? ByteString.EMPTY : events.get(events.size() - 1).getReplayId();
	}

	private static ByteString replayId(long position) {
		return ByteString.copyFrom(ByteBuffer.allocate(Long.BYTES).putLong(position + OFFSET).flip());
	}
}
