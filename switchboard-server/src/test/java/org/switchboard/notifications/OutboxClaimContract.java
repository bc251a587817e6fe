package org.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.notifications.delivery.Delivery;
import org.switchboard.notifications.delivery.NewDelivery;
import org.switchboard.notifications.delivery.Outbox;

/**
 * The outbox claim on a real database: a claimed row stays locked to its claimer until it commits, other claimers
 * skip it, and concurrent workers take every row exactly once. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(properties = { "switchboard.demo.enabled=false", "switchboard.notifications.dispatcher-enabled=false" })
abstract class OutboxClaimContract {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM notification_delivery").update();
	}

	@Test
	void aSecondClaimerSkipsTheRowTheFirstHolds() throws Exception {
		queue(2);
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Long> first = pool.submit(() -> transactions.execute(s -> {
				long id = outbox.claimDue(Instant.now()).orElseThrow().id();
				claimed.countDown();
				await(release);
				return id;
			}));
			assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

			Future<Optional<Long>> second = pool.submit(() -> transactions.execute(s -> {
				Optional<Long> id = outbox.claimDue(Instant.now()).map(Delivery::id);
				Optional<Long> third = outbox.claimDue(Instant.now()).map(Delivery::id);
				assertThat(third).as("the same transaction sees no other free row: it holds one, the first claimer the other")
					.satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).isEqualTo(id));
				return id;
			}));
			Optional<Long> secondId = second.get(10, TimeUnit.SECONDS);
			release.countDown();
			long firstId = first.get(10, TimeUnit.SECONDS);

			assertThat(secondId).isPresent();
			assertThat(secondId.get()).isNotEqualTo(firstId);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aClaimRolledBackWithoutMarkingLeavesTheRowForTheNextClaimer() {
		queue(1);
		long id = transactions.execute(s -> {
			long claimed = outbox.claimDue(Instant.now()).orElseThrow().id();
			s.setRollbackOnly();
			return claimed;
		});

		Optional<Delivery> again = transactions.execute(s -> outbox.claimDue(Instant.now()));

		assertThat(again).map(Delivery::id).contains(id);
	}

	@Test
	void concurrentWorkersSendEveryRowExactlyOnce() throws Exception {
		queue(200);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<List<Long>>> workers = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			workers.add(pool.submit(() -> {
				List<Long> taken = new ArrayList<>();
				while (true) {
					Optional<Long> id = transactions.execute(s -> outbox.claimDue(Instant.now()).map(d -> {
						outbox.sent(d.id(), "message-" + d.id(), Instant.now());
						return d.id();
					}));
					if (id.isEmpty()) {
						return taken;
					}
					taken.add(id.get());
				}
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> worker : workers) {
			all.addAll(worker.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();

		assertThat(all).hasSize(200).doesNotHaveDuplicates();
		assertThat(outbox.count("sent")).isEqualTo(200);
		assertThat(jdbc.sql("SELECT MAX(attempts) FROM notification_delivery").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theSameChangeRuleAndRoomIsQueuedOnce() {
		NewDelivery row = new NewDelivery("k".repeat(64), "rule", "Rule", "Opportunity", "006000000000001AAA", "space", "room", "text");

		transactions.executeWithoutResult(s -> outbox.enqueue(List.of(row, row), Instant.now()));
		transactions.executeWithoutResult(s -> outbox.enqueue(List.of(row), Instant.now()));

		assertThat(outbox.count("pending")).isEqualTo(1);
	}

	private void queue(int rows) {
		String change = UUID.randomUUID().toString().replace("-", "");
		List<NewDelivery> deliveries = IntStream.range(0, rows).mapToObj(i -> new NewDelivery(change, "rule", "Rule", "Opportunity",
				"006000000000001AAA", "space", "room-" + i, "text " + i)).toList();
		transactions.executeWithoutResult(s -> outbox.enqueue(deliveries, Instant.now().minusSeconds(1)));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
