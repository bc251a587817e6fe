package dev.switchboard.salesforce.pubsub;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * One Subscribe stream: the topic and start position fixed by its first FetchRequest, then events sent only as far
 * as the subscriber has asked for them ({@code num_requested} adds up; at most 100 per request, as Salesforce caps it).
 */
final class Subscription {

	static final int MAX_REQUESTED = 100;

	private final StreamObserver<FetchResponse> responses;
	private final EventLog log;
	private final String accessToken;
	private final Clock clock;
	private final String rpcId = UUID.randomUUID().toString();
	private Predicate<ConsumerEvent> topicFilter;
	private String topic;
	private long position;
	private int pending;
	private boolean closed;
	private Instant lastSent;

	Subscription(StreamObserver<FetchResponse> responses, EventLog log, String accessToken, Clock clock) {
		this.responses = responses;
		this.log = log;
		this.accessToken = accessToken;
		this.clock = clock;
		this.lastSent = clock.instant();
	}

	String accessToken() {
		return accessToken;
	}

	/** True once the first FetchRequest fixed topic and replay position, until the stream ends. */
	synchronized boolean listening() {
		return !closed && topic != null;
	}

	/** Applies one FetchRequest; the first fixes topic and replay position. */
	synchronized void request(FetchRequest request, Topics topics) {
		if (closed) {
			return;
		}
		if (request.getNumRequested() <= 0) {
			fail(Status.INVALID_ARGUMENT.withDescription("num_requested must be greater than 0"));
			return;
		}
		if (topic == null) {
			try {
				topicFilter = topics.filter(request.getTopicName());
				position = startPosition(request);
			}
			catch (IllegalArgumentException e) {
				fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
				return;
			}
			topic = request.getTopicName();
		}
		else if (!request.getTopicName().isEmpty() && !request.getTopicName().equals(topic)) {
			fail(Status.INVALID_ARGUMENT.withDescription("The topic cannot change within a Subscribe stream"));
			return;
		}
		pending = Math.min(Integer.MAX_VALUE - MAX_REQUESTED, pending + Math.min(request.getNumRequested(), MAX_REQUESTED));
		drain();
	}

	private long startPosition(FetchRequest request) {
		return switch (request.getReplayPreset()) {
			case EARLIEST -> log.earliest();
			case CUSTOM -> log.positionAfter(request.getReplayId());
			default -> log.end();
		};
	}

	/** Sends what is there and asked for. */
	synchronized void drain() {
		if (closed || topic == null) {
			return;
		}
		while (pending > 0) {
			List<ConsumerEvent> batch = log.read(position, Math.min(pending, MAX_REQUESTED));
			if (batch.isEmpty()) {
				return;
			}
			position += batch.size();
			List<ConsumerEvent> matching = batch.stream().filter(topicFilter).toList();
			if (matching.isEmpty()) {
				continue;
			}
			pending -= matching.size();
			send(FetchResponse.newBuilder().addAllEvents(matching).setLatestReplayId(batch.get(batch.size() - 1).getReplayId())
				.setRpcId(rpcId).setPendingNumRequested(pending).build());
		}
	}

	/** The empty keep-alive response Salesforce sends on an idle stream. */
	synchronized void keepAliveIfIdle(java.time.Duration idle) {
		if (!closed && topic != null && lastSent.plus(idle).isBefore(clock.instant())) {
			send(FetchResponse.newBuilder().setLatestReplayId(log.latestReplayId()).setRpcId(rpcId)
				.setPendingNumRequested(pending).build());
		}
	}

	private void send(FetchResponse response) {
		try {
			responses.onNext(response);
			lastSent = clock.instant();
		}
		catch (RuntimeException e) {
			closed = true;
		}
	}

	synchronized void fail(Status status) {
		if (!closed) {
			closed = true;
			try {
				responses.onError(status.asRuntimeException());
			}
			catch (RuntimeException ignored) {
				// the call is already gone
			}
		}
	}

	synchronized void complete() {
		if (!closed) {
			closed = true;
			try {
				responses.onCompleted();
			}
			catch (RuntimeException ignored) {
				// already cancelled
			}
		}
	}

	synchronized boolean closed() {
		return closed;
	}

	synchronized void cancelled() {
		closed = true;
	}
}
