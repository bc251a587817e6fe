package org.switchboard.crm.salesforce.changes;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.switchboard.crm.salesforce.SalesforceSession;
import org.switchboard.platform.lease.Leases;
import org.switchboard.platform.lease.Leases.Lease;



/**
 * The server's one Change Data Capture subscriber: whichever replica holds the stream's {@link Leases lease}
 * ({@code salesforce.change-stream:<topic>}, renewed every third of its hold) runs
 * {@link SubscribeStream}s one after the other, with backoff (doubling up to {@code maxBackoff}) after a failure and
 * none after a stream that asked to be reopened at once. Not connected to Salesforce, or not holding the lease: it
 * waits and tries again.
 */
class ChangeSubscriber implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeSubscriber.class);
	private static final Duration POLL = Duration.ofMillis(250);

	private final ChangeStreamProperties properties;
	private final SalesforceSession session;
	private final SubscribeStream streams;
	private final ReplayStore replay;
	private final StreamState state;
	private final Clock clock;
	private final Leases leases;
	private final String leaseName;
	private volatile Lease lease;
	private volatile boolean running;
	private volatile Thread thread;

	ChangeSubscriber(ChangeStreamProperties properties, SalesforceSession session, PubSubClient client, BatchProcessor processor,
			ReplayStore replay, StreamState state, Clock clock, Leases leases) {
		this.properties = properties;
		this.leases = leases;
		this.leaseName = "salesforce.change-stream:" + properties.topic();
		this.session = session;
		this.streams = new SubscribeStream(properties, session, client, processor, replay, state, clock);
		this.replay = replay;
		this.state = state;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		thread = new Thread(this::loop, "salesforce-change-events");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void stop() {
		running = false;
		Thread current = thread;
		if (current != null) {
			try {
				current.join(15_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		thread = null;
		Lease held = lease;
		if (held != null) {
			held.close();
			lease = null;
		}
		state.subscribed(false);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		Duration backoff = properties.minBackoff();
		boolean rowExists = false;
		while (running) {
			try {
				if (!rowExists) {
					replay.ensureRow(clock.instant());
					rowExists = true;
				}
				if (!session.connected()) {
					state.failed("Salesforce is not connected");
					pause(properties.lease().dividedBy(3));
					continue;
				}
				if (!renewLease()) {
					state.subscribed(false);
					pause(properties.lease().dividedBy(3));
					continue;
				}
				state.subscribed(true);
				if (streams.run(lease, () -> running, this::renewLease)) {
					backoff = properties.minBackoff();
					continue;
				}
			}
			catch (ReplayStore.LeaseLostException e) {
				log.info("{}", e.getMessage());
				state.subscribed(false);
				continue;
			}
			catch (RuntimeException e) {
				log.warn("Salesforce change events failed: {}", e.toString());
				state.failed(e.getMessage());
			}
			if (running) {
				pause(backoff);
				backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : backoff.multipliedBy(2);
			}
		}
		state.connected(false);
	}

	/** Takes or renews the lease (the same holder may take its own lease again); false while another replica holds it. */
	private boolean renewLease() {
		Optional<Lease> taken = leases.tryAcquire(leaseName, properties.lease());
		lease = taken.orElse(null);
		return taken.isPresent();
	}

	private void pause(Duration duration) {
		long until = System.nanoTime() + duration.toNanos();
		while (running && System.nanoTime() < until) {
			try {
				Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (until - System.nanoTime()) / 1_000_000)));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
