package org.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.notifications.claim.Claimed;
import org.switchboard.notifications.delivery.Delivery;
import org.switchboard.notifications.delivery.NewDelivery;
import org.switchboard.notifications.delivery.NotificationProperties;
import org.switchboard.notifications.delivery.Outbox;
import org.switchboard.notifications.delivery.Workers;
import org.switchboard.notifications.spaces.RecordRooms;
import org.switchboard.notifications.spaces.Space;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.support.MovableClock;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexMessage;

/**
 * The outbox claim on a real database (ADR 38): a short transaction claims a due row for a lease, other claimers skip
 * it while the lease holds, Webex is called with no transaction open, an outcome counts only while its claim holds,
 * and a claim never finished is due again when its lease runs out. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(properties = { "switchboard.demo.enabled=false", "switchboard.notifications.dispatcher-enabled=false" })
abstract class OutboxClaimContract {

	private static final String BOT_EMAIL = "bot@webex.bot";

	@Autowired
	Outbox outbox;

	@Autowired
	RecordRooms rooms;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Secrets secrets;

	@Autowired
	NotificationProperties properties;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM notification_delivery").update();
		jdbc.sql("DELETE FROM notification_space").update();
		jdbc.sql("DELETE FROM notification_bot").update();
	}

	@Test
	void aSecondClaimerSkipsTheRowTheFirstIsClaiming() throws Exception {
		queue(2);
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Long> first = pool.submit(() -> transactions.execute(s -> {
				long id = claim(Instant.now()).orElseThrow().row().id();
				claimed.countDown();
				await(release);
				return id;
			}));
			assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

			Future<Optional<Long>> second = pool.submit(() -> transactions.execute(s -> {
				Optional<Long> id = claim(Instant.now()).map(c -> c.row().id());
				Optional<Long> third = claim(Instant.now()).map(c -> c.row().id());
				assertThat(third).as("the same transaction sees no other free row: it leased one, the first claimer locks the other")
					.isEmpty();
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
	void aClaimRolledBackLeavesTheRowForTheNextClaimer() {
		queue(1);
		long id = transactions.execute(s -> {
			long claimed = claim(Instant.now()).orElseThrow().row().id();
			s.setRollbackOnly();
			return claimed;
		});

		Optional<Claimed<Delivery>> again = transactions.execute(s -> claim(Instant.now()));

		assertThat(again).map(c -> c.row().id()).contains(id);
	}

	@Test
	void whileItsLeaseHoldsAClaimedRowIsNotDueToAnyone() {
		queue(1);
		Instant now = Instant.now();
		transactions.execute(s -> claim(now)).orElseThrow();

		Optional<Claimed<Delivery>> beforeTheLeaseEnds = transactions.execute(s -> claim(now.plus(lease()).minusSeconds(1)));

		assertThat(beforeTheLeaseEnds).isEmpty();
		assertThat(outbox.count("pending")).isEqualTo(1);
	}

	@Test
	void aClaimNeverFinishedIsDueAgainWhenItsLeaseRunsOutWithNoAttemptCounted() {
		queue(1);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Claimed<Delivery> crashed = transactions.execute(s -> claim(now)).orElseThrow();

		Claimed<Delivery> next = transactions.execute(s -> claim(now.plus(lease()))).orElseThrow();

		assertThat(next.row().id()).isEqualTo(crashed.row().id());
		assertThat(next.token()).isNotEqualTo(crashed.token());
		assertThat(next.row().attempts()).isZero();
	}

	@Test
	void theOutcomeOfAClaimWhoseLeaseRanOutChangesNothing() {
		queue(1);
		Instant now = Instant.now();
		Claimed<Delivery> lost = transactions.execute(s -> claim(now)).orElseThrow();
		Claimed<Delivery> current = transactions.execute(s -> claim(now.plus(lease()).plusSeconds(1))).orElseThrow();

		assertThat(outbox.sent(lost, "late", now)).isFalse();
		assertThat(outbox.attemptFailed(lost, "late failure", now, true, now)).isFalse();
		assertThat(outbox.postpone(lost, "late postponement", now, now)).isFalse();
		assertThat(outbox.extend(lost, now.plus(lease()))).isFalse();
		assertThat(outbox.find(lost.row().id()).orElseThrow().status()).isEqualTo("pending");
		assertThat(outbox.sent(current, "on time", now)).isTrue();
		assertThat(outbox.sent(current, "twice", now)).as("a recorded outcome ends the claim").isFalse();

		Delivery row = outbox.find(current.row().id()).orElseThrow();
		assertThat(row.status()).isEqualTo("sent");
		assertThat(row.messageId()).isEqualTo("on time");
		assertThat(row.attempts()).isEqualTo(1);
	}

	@Test
	void concurrentWorkersPostEveryRowExactlyOnceWithTheClaimCommittedBeforeThePost() throws Exception {
		queue(200);
		Set<Long> posted = ConcurrentHashMap.newKeySet();
		List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Integer>> workers = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			workers.add(pool.submit(() -> {
				int taken = 0;
				while (true) {
					Optional<Claimed<Delivery>> claim = transactions.execute(s -> claim(Instant.now()));
					if (claim.isEmpty()) {
						return taken;
					}
					if (!posted.add(claim.get().row().id())) {
						duplicates.add(claim.get().row().id());
					}
					assertThat(outbox.sent(claim.get(), "message-" + claim.get().row().id(), Instant.now())).isTrue();
					taken++;
				}
			}));
		}
		int total = 0;
		for (Future<Integer> worker : workers) {
			total += worker.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();

		assertThat(total).isEqualTo(200);
		assertThat(duplicates).isEmpty();
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

	@Test
	void aBotJoinIsLeasedLikeADeliveryAndALostJoinClaimRecordsNothing() {
		space("space-1", "pending", null);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Claimed<Space> lost = transactions.execute(s -> rooms.claimDueJoin(now, now.plus(lease()))).orElseThrow();
		Optional<Claimed<Space>> whileLeased = transactions.execute(s -> rooms.claimDueJoin(now.plusSeconds(1), now.plus(lease())));
		assertThat(whileLeased).isEmpty();

		Claimed<Space> current = transactions.execute(s -> rooms.claimDueJoin(now.plus(lease()), now.plus(lease()).plus(lease()))).orElseThrow();

		assertThat(rooms.joinFailed(lost, "late", now, true)).isFalse();
		assertThat(rooms.joined(lost, BOT_EMAIL)).isFalse();
		assertThat(rooms.find("space-1").orElseThrow().botState()).isEqualTo("pending");
		assertThat(rooms.joined(current, BOT_EMAIL)).isTrue();
		assertThat(rooms.find("space-1").orElseThrow().joinedBy(BOT_EMAIL)).isTrue();
	}

	// --- the worker: Webex outside transactions, one poster per lease ---

	@Test
	void aWorkerCallsWebexWithNoTransactionOpenAndTheClaimCommitted() {
		bot();
		space("space-1", "pending", "005000000000001AAA");
		long id = queue(1).get(0);
		List<Boolean> inTransaction = Collections.synchronizedList(new ArrayList<>());
		List<String> claimSeenOutside = Collections.synchronizedList(new ArrayList<>());
		WebexClient webex = mock(WebexClient.class);
		WebexAccounts accounts = mock(WebexAccounts.class);
		when(accounts.tokenFor("005000000000001AAA")).thenAnswer(i -> {
			inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			return Optional.of("member-token");
		});
		when(webex.addMember(eq("member-token"), any(), eq(BOT_EMAIL))).thenAnswer(i -> {
			inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			return null;
		});
		when(webex.postMessage(eq("bot-token"), any(), any(), any())).thenAnswer(i -> {
			inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			claimSeenOutside.add(jdbc.sql("SELECT claim_token FROM notification_delivery WHERE id = ?").param(id).query(String.class).single());
			return message("m-1", i.getArgument(1));
		});
		Workers.Worker worker = Workers.create(context, webex, accounts, Clock.systemUTC());

		assertThat(worker.workOnce()).as("the bot joins the space").isTrue();
		assertThat(worker.workOnce()).as("the delivery is posted").isTrue();
		assertThat(worker.workOnce()).isFalse();

		assertThat(inTransaction).containsExactly(false, false, false);
		assertThat(claimSeenOutside).hasSize(1).doesNotContainNull();
		assertThat(rooms.find("space-1").orElseThrow().joinedBy(BOT_EMAIL)).isTrue();
		Delivery sent = outbox.find(id).orElseThrow();
		assertThat(sent.status()).isEqualTo("sent");
		assertThat(sent.messageId()).isEqualTo("m-1");
		assertThat(jdbc.sql("SELECT claim_token FROM notification_delivery WHERE id = ?").param(id).query(String.class).optional()).isEmpty();
	}

	@Test
	void whileAPostIsInFlightAnotherWorkerDoesNotPostTheSameRow() throws Exception {
		try (FirstPostInFlight inFlight = new FirstPostInFlight()) {
			inFlight.clock.advance(lease().minusSeconds(1));
			boolean secondWorked = inFlight.worker().workOnce();

			assertThat(inFlight.release()).isTrue();
			assertThat(secondWorked).isFalse();
			assertThat(inFlight.posts).containsExactly("first");
			assertThat(outbox.find(inFlight.id).orElseThrow().messageId()).isEqualTo("first");
		}
	}

	@Test
	void aRowWhoseLeaseRanOutIsPostedByTheNextWorkerAndTheFirstWorkersLateOutcomeIsIgnored() throws Exception {
		try (FirstPostInFlight inFlight = new FirstPostInFlight()) {
			inFlight.clock.advance(lease().plusSeconds(1));
			assertThat(inFlight.worker().workOnce()).isTrue();
			assertThat(outbox.find(inFlight.id).orElseThrow().messageId()).isEqualTo("second");

			assertThat(inFlight.release()).isTrue();

			Delivery row = outbox.find(inFlight.id).orElseThrow();
			assertThat(inFlight.posts).as("a lease shorter than the post costs one duplicate").containsExactlyInAnyOrder("first", "second");
			assertThat(row.status()).isEqualTo("sent");
			assertThat(row.messageId()).as("the first worker's late answer is not recorded").isEqualTo("second");
			assertThat(row.attempts()).isEqualTo(1);
		}
	}

	// --- helpers ---

	private Duration lease() {
		return properties.lease();
	}

	private Optional<Claimed<Delivery>> claim(Instant now) {
		return outbox.claimDue(now, now.plus(lease()));
	}

	private List<Long> queue(int rows) {
		String change = UUID.randomUUID().toString().replace("-", "");
		List<NewDelivery> deliveries = IntStream.range(0, rows).mapToObj(i -> new NewDelivery(change, "rule", "Rule", "Opportunity",
				"006000000000001AAA", "space-1", "room-" + i, "text " + i)).toList();
		transactions.executeWithoutResult(s -> outbox.enqueue(deliveries, Instant.now().minusSeconds(1)));
		return jdbc.sql("SELECT id FROM notification_delivery ORDER BY id").query(Long.class).list();
	}

	private void bot() {
		jdbc.sql("INSERT INTO notification_bot (id, person_id, email, display_name, token_encrypted, registered_by, registered_date) VALUES (1, 'bot', ?, 'Bot', ?, 'test', ?)")
			.params(BOT_EMAIL, secrets.encrypt("bot-token"), Instant.now().atOffset(ZoneOffset.UTC)).update();
	}

	private void space(String spaceId, String botState, String linkedBy) {
		Instant due = Instant.now().minusSeconds(1);
		jdbc.sql("INSERT INTO notification_space (space_id, object_name, record_id, room_id, linked_by, linked_date, bot_state, bot_email, next_attempt_at) VALUES (?, 'Opportunity', '006000000000001AAA', ?, ?, ?, ?, ?, ?)")
			.params(spaceId, "room-of-" + spaceId, linkedBy, due.atOffset(ZoneOffset.UTC), botState, "joined".equals(botState) ? BOT_EMAIL : null,
					due.atOffset(ZoneOffset.UTC))
			.update();
	}

	private static WebexMessage message(String id, String roomId) {
		return new WebexMessage(id, roomId, null, "bot", BOT_EMAIL, "text", null, null, List.of(), null);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One delivery queued for a room the bot has joined, and a first worker inside its post, held there until released
	 * (a slow Webex answer); later posts answer at once.
	 */
	private final class FirstPostInFlight implements AutoCloseable {

		final MovableClock clock = new MovableClock(Instant.now());
		final List<String> posts = Collections.synchronizedList(new ArrayList<>());
		private final CountDownLatch entered = new CountDownLatch(1);
		private final CountDownLatch release = new CountDownLatch(1);
		private final WebexClient webex = mock(WebexClient.class);
		private final ExecutorService pool = Executors.newSingleThreadExecutor();
		final long id;
		private final Future<Boolean> first;

		FirstPostInFlight() throws InterruptedException {
			bot();
			space("space-1", "joined", null);
			id = queue(1).get(0);
			when(webex.postMessage(any(), any(), any(), any())).thenAnswer(i -> {
				String name = posts.isEmpty() ? "first" : "second";
				posts.add(name);
				if (name.equals("first")) {
					entered.countDown();
					await(release);
				}
				return message(name, i.getArgument(1));
			});
			first = pool.submit(() -> worker().workOnce());
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
		}

		Workers.Worker worker() {
			return Workers.create(context, webex, mock(WebexAccounts.class), clock);
		}

		/** Lets the first post answer; what the first worker's {@code workOnce} returned. */
		boolean release() throws Exception {
			release.countDown();
			return first.get(10, TimeUnit.SECONDS);
		}

		@Override
		public void close() {
			release.countDown();
			pool.shutdownNow();
		}
	}
}
