package org.switchboard.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.platform.lease.Leases;
import org.switchboard.support.ApiClient;
import org.switchboard.webex.client.WebexHttp;

/**
 * Webhook reconciliation runs on one replica at a time: a second reconciler with its own lease holder, on the same
 * database and Webex, stands in for another replica.
 */
class WebhookReconcilerOneReplicaTests extends WebhookReconcilerTest {

	@Autowired
	PublicAddress address;

	@Autowired
	WebexHttp http;

	@Autowired
	List<WebexNeeds> needs;

	@Test
	void whileAnotherReplicaReconcilesAScheduledRunHereIsSkippedAndTouchesNothing() {
		RegisteredWebhook calls = callsWebhookOf(ApiClient.AGENT);
		sandbox("/sandbox/webhooks/" + calls.id() + "/deactivate", "{}");
		Leases otherReplica = new Leases(jdbc, Clock.systemUTC(), "replica-b");

		try (Leases.Lease held = otherReplica.tryAcquire(WebhookReconciler.LEASE, Duration.ofMinutes(1)).orElseThrow()) {
			WebhookReconciler.Result skipped = reconciler.reconcileUnlessRunningElsewhere();

			assertThat(skipped.skipped()).isTrue();
			assertThat(statusAtWebex(ApiClient.AGENT, calls.id())).as("left for the replica holding the lease").isEqualTo("inactive");
		}

		WebhookReconciler.Result afterwards = reconciler.reconcileUnlessRunningElsewhere();
		assertThat(afterwards.skipped()).isFalse();
		assertThat(afterwards.reactivated()).isEqualTo(1);
		assertThat(statusAtWebex(ApiClient.AGENT, calls.id())).isEqualTo("active");
	}

	@Test
	void aLeaseLeftByADeadReplicaRunsOutAndTheNextRunGoesAhead() {
		Clock pastClock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
		new Leases(jdbc, pastClock, "dead-replica").tryAcquire(WebhookReconciler.LEASE, Duration.ofMinutes(10)).orElseThrow();

		assertThat(reconciler.reconcileUnlessRunningElsewhere().skipped()).isFalse();
	}

	@Test
	void aRunAskedForWaitsForTheOtherReplicasRunInsteadOfSkipping() throws Exception {
		Leases otherReplica = new Leases(jdbc, Clock.systemUTC(), "replica-b");
		Leases.Lease held = otherReplica.tryAcquire(WebhookReconciler.LEASE, Duration.ofMinutes(1)).orElseThrow();
		CompletableFuture<WebhookReconciler.Result> asked = CompletableFuture.supplyAsync(reconciler::reconcileAll);
		Awaitility.await("waiting for the other replica").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !asked.isDone());
		held.close();

		assertThat(asked.get(10, TimeUnit.SECONDS).skipped()).isFalse();
	}

	@Test
	void twoReplicasStartingTogetherMakeTheMissingWebhooksOnce() throws Exception {
		WebexAccount viewer = account(ApiClient.VIEWER);
		String token = accounts.tokenFor(viewer.userId()).orElseThrow();
		webhooks.ownedBy(viewer.personId()).forEach(w -> webhooks.delete(token, w.id()));
		// Each replica, once it has listed a user's webhooks, waits (up to 2 s) for the other to have listed them too: without
		// one-at-a-time both would see the same webhooks missing and both would create them.
		CyclicBarrier bothListed = new CyclicBarrier(2);
		WebexClient waitingForTheOther = new WebexClient(http) {
			@Override
			public List<WebexWebhook> webhooks(String token) {
				List<WebexWebhook> listed = super.webhooks(token);
				try {
					bothListed.await(2, TimeUnit.SECONDS);
				}
				catch (Exception theOtherDidNotList) {
					// it was skipped, or listed long ago
				}
				return listed;
			}
		};
		WebhookReconciler replicaA = new WebhookReconciler(accounts, webhooks, waitingForTheOther, address, needs, jdbc, Clock.systemUTC(),
				new Leases(jdbc, Clock.systemUTC(), "replica-a"));
		WebhookReconciler replicaB = new WebhookReconciler(accounts, webhooks, waitingForTheOther, address, needs, jdbc, Clock.systemUTC(),
				new Leases(jdbc, Clock.systemUTC(), "replica-b"));

		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<WebhookReconciler.Result> a = CompletableFuture.supplyAsync(after(start, replicaA::reconcileUnlessRunningElsewhere));
		CompletableFuture<WebhookReconciler.Result> b = CompletableFuture.supplyAsync(after(start, replicaB::reconcileUnlessRunningElsewhere));
		start.countDown();
		WebhookReconciler.Result first = a.get();
		WebhookReconciler.Result second = b.get();

		assertThat(List.of(first, second)).as("one of them ran").filteredOn(r -> !r.skipped()).isNotEmpty();
		long created = List.of(first, second).stream().mapToLong(r -> r.created().size()).sum();
		assertThat(created).as("calls, messages and meetings of the viewer, made once").isEqualTo(3);
		assertThat(client.webhooks(token)).hasSize(3);
		assertThat(webhooks.ownedBy(viewer.personId())).hasSize(3);
	}

	private static <T> Supplier<T> after(CountDownLatch start, Supplier<T> work) {
		return () -> {
			try {
				start.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return work.get();
		};
	}

}
