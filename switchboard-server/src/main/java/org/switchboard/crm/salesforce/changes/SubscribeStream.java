package org.switchboard.crm.salesforce.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.crm.salesforce.SalesforceSession;
import org.switchboard.platform.lease.Leases.Lease;

import com.google.protobuf.ByteString;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.ReplayPreset;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * One Subscribe stream at a time, flow-controlled: {@code batchSize} events asked for, topped up by as many as each
 * processed batch held. It starts from the stored replay id (or from now on the very first start). A rejected token
 * is refreshed through the session and the stream reopened; a replay id Salesforce no longer knows (older than the
 * retention window) restarts from the earliest retained event, where the outbox's change keys keep repeated
 * notifications out.
 */
class SubscribeStream {

	private static final Logger log = LoggerFactory.getLogger(SubscribeStream.class);
	private static final Object COMPLETED = new Object();
	private static final Duration POLL = Duration.ofMillis(250);

	private final ChangeStreamProperties properties;
	private final SalesforceSession session;
	private final PubSubClient client;
	private final BatchProcessor processor;
	private final ReplayStore replay;
	private final StreamState state;
	private final Clock clock;
	private boolean fromEarliest;
	private boolean topicChecked;

	SubscribeStream(ChangeStreamProperties properties, SalesforceSession session, PubSubClient client, BatchProcessor processor,
			ReplayStore replay, StreamState state, Clock clock) {
		this.properties = properties;
		this.session = session;
		this.client = client;
		this.processor = processor;
		this.replay = replay;
		this.state = state;
		this.clock = clock;
	}

	/**
	 * Runs one Subscribe stream until it ends or {@code running} turns false; true when it should be reopened at once
	 * (token refreshed, replay position reset, stopped), false after a failure that deserves a backoff.
	 */
	boolean run(Lease lease, BooleanSupplier running, BooleanSupplier renewLease) {
		PubSubClient.Credentials credentials = client.credentials();
		try {
			checkTopic(credentials);
		}
		catch (StatusRuntimeException e) {
			return failed(e.getStatus(), credentials);
		}
		BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
		StreamObserver<FetchRequest> requests = client.subscribe(credentials, new StreamObserver<>() {
			@Override
			public void onNext(FetchResponse response) {
				inbox.add(response);
			}

			@Override
			public void onError(Throwable t) {
				inbox.add(t);
			}

			@Override
			public void onCompleted() {
				inbox.add(COMPLETED);
			}
		});
		boolean open = true;
		try {
			requests.onNext(firstRequest());
			state.connected(true);
			Instant renewed = clock.instant();
			while (running.getAsBoolean()) {
				Object item = inbox.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
				if (clock.instant().isAfter(renewed.plus(properties.lease().dividedBy(3)))) {
					if (!renewLease.getAsBoolean()) {
						throw new ReplayStore.LeaseLostException("Another replica took the change stream's lease");
					}
					renewed = clock.instant();
				}
				if (item instanceof FetchResponse response && response.getEventsCount() > 0) {
					processor.process(response.getEventsList(), credentials, lease);
					fromEarliest = false;
					requests.onNext(FetchRequest.newBuilder().setTopicName(properties.topic()).setNumRequested(response.getEventsCount()).build());
				}
				else if (item instanceof Throwable error) {
					open = false;
					return failed(Status.fromThrowable(error), credentials);
				}
				else if (item == COMPLETED) {
					open = false;
					state.failed("Salesforce ended the stream");
					return true;
				}
			}
			return true;
		}
		catch (StatusRuntimeException e) {
			return failed(e.getStatus(), credentials);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			state.connected(false);
			if (open) {
				requests.onError(Status.CANCELLED.withDescription("subscriber closing the stream").asRuntimeException());
			}
		}
	}

	/** Once per subscriber: GetTopic, so that a channel the user may not read fails with a clear message. */
	private void checkTopic(PubSubClient.Credentials credentials) {
		if (!topicChecked) {
			if (!client.topic(properties.topic(), credentials).getCanSubscribe()) {
				throw new IllegalStateException("The integration user may not subscribe to " + properties.topic()
						+ " (select the objects for Change Data Capture in Setup and grant the user access)");
			}
			topicChecked = true;
		}
	}

	private FetchRequest firstRequest() {
		FetchRequest.Builder request = FetchRequest.newBuilder().setTopicName(properties.topic()).setNumRequested(properties.batchSize());
		Optional<byte[]> stored = replay.replayId();
		if (stored.isPresent()) {
			return request.setReplayPreset(ReplayPreset.CUSTOM).setReplayId(ByteString.copyFrom(stored.get())).build();
		}
		return request.setReplayPreset(fromEarliest ? ReplayPreset.EARLIEST : ReplayPreset.LATEST).build();
	}

	private boolean failed(Status status, PubSubClient.Credentials credentials) {
		state.failed(status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription()));
		if (status.getCode() == Status.Code.UNAUTHENTICATED) {
			log.info("Salesforce rejected the access token on the change event stream; refreshing it");
			session.refreshAfterUnauthenticated(credentials.accessToken());
			return !String.valueOf(credentials.accessToken()).equals(session.accessToken());
		}
		if (status.getCode() == Status.Code.INVALID_ARGUMENT && String.valueOf(status.getDescription()).toLowerCase(java.util.Locale.ROOT).contains("replay")
				&& replay.replayId().isPresent()) {
			log.warn("Salesforce no longer accepts the stored replay id ({}); resubscribing from the earliest retained event",
					status.getDescription());
			replay.forgetReplayId();
			fromEarliest = true;
			return true;
		}
		log.warn("Salesforce change event stream ended: {} {}", status.getCode(), status.getDescription());
		return false;
	}

}
