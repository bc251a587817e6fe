package org.switchboard.calling.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guarded statements that let calling reach a remote CRM with no transaction open (ADR 0040), on a real database:
 * a late match records nothing once the call no longer awaits it and never undoes a state an event wrote meanwhile;
 * a log claim holds off a second one until its lease ends, and only the current claim's Task is recorded. Runs on H2
 * and on PostgreSQL.
 */
@SpringBootTest(properties = { "switchboard.demo.enabled=false", "switchboard.notifications.dispatcher-enabled=false" })
abstract class CallRowGuardsContract {

	private static final List<Match> RITA = List.of(new Match("Contact", "003RITA", "Rita Okafor", "Phone", "+14155550142"));

	@Autowired
	CallStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMatchIsRecordedOnceAndOnlyForACallThatAwaitsIt() {
		String pending = insert(true, null);
		assertThat(store.awaitsMatch(pending)).isTrue();

		assertThat(store.matched(pending, RITA)).isTrue();
		assertThat(store.byId(pending).orElseThrow()).satisfies(call -> {
			assertThat(call.matches()).isEqualTo(RITA);
			assertThat(call.remoteName()).as("the only match names an unnamed caller").isEqualTo("Rita Okafor");
		});
		assertThat(store.awaitsMatch(pending)).isFalse();
		assertThat(store.matched(pending, List.of())).as("a second, late answer").isFalse();
		assertThat(store.byId(pending).orElseThrow().matches()).isEqualTo(RITA);

		String matchedInline = insert(false, null);
		assertThat(store.matched(matchedInline, RITA)).isFalse();
		String placedFromARecord = insert(true, "003PLACED");
		assertThat(store.awaitsMatch(placedFromARecord)).isFalse();
		assertThat(store.matched(placedFromARecord, RITA)).isFalse();
		assertThat(store.byId(placedFromARecord).orElseThrow().matches()).isEmpty();
	}

	@Test
	void aMatchWaitsForTheEventHoldingTheCallAndKeepsTheStateItWrote() throws Exception {
		String id = insert(true, null);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> event = pool.submit(() -> transactions.executeWithoutResult(tx -> {
				CallRow call = store.lock(id).orElseThrow();
				store.update(call.withState("connected", Instant.now(), Instant.now(), null, call.logStatus(), call.remoteName()));
				locked.countDown();
				await(release);
			}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Boolean> match = pool.submit(() -> store.matched(id, RITA));
			Thread.sleep(300);
			assertThat(match).as("waits for the event's lock").isNotDone();
			release.countDown();
			event.get(10, TimeUnit.SECONDS);

			assertThat(match.get(10, TimeUnit.SECONDS)).isTrue();
			CallRow call = store.byId(id).orElseThrow();
			assertThat(call.state()).isEqualTo("connected");
			assertThat(call.matches()).isEqualTo(RITA);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void callsWhoseMatchWasLostAreListedAfterTheCutOffOnly() {
		String lost = insert(true, null, Duration.ofMinutes(5));
		String inFlight = insert(true, null, Duration.ZERO);
		String done = insert(false, null, Duration.ofMinutes(5));

		List<String> listed = store.awaitingMatch(Instant.now().minus(DeferredMatches.SWEEP_AFTER), 1000);
		assertThat(listed).contains(lost).doesNotContain(inFlight, done);
	}

	@Test
	void aLogClaimHoldsOffASecondUntilItsLeaseEndsAndOnlyTheCurrentClaimIsRecorded() {
		String id = insert(false, null);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Duration lease = Duration.ofMinutes(5);

		assertThat(store.claimLog(id, "first", now, now.plus(lease))).isTrue();
		assertThat(store.logClaimed(id, now.plusSeconds(1))).isTrue();
		assertThat(store.claimLog(id, "second", now.plusSeconds(1), now.plusSeconds(1).plus(lease))).as("while the lease holds").isFalse();
		Instant later = now.plus(lease).plusSeconds(1);
		assertThat(store.logClaimed(id, later)).isFalse();
		assertThat(store.claimLog(id, "second", later, later.plus(lease))).as("once it ran out").isTrue();

		assertThat(store.loggedWithClaim(id, "first", "00TFIRST")).as("the lost claim's late Task").isFalse();
		assertThat(store.byId(id).orElseThrow().logStatus()).isEqualTo("draft");
		assertThat(store.loggedWithClaim(id, "second", "00TSECOND")).isTrue();
		assertThat(store.byId(id).orElseThrow()).satisfies(call -> {
			assertThat(call.logStatus()).isEqualTo("logged");
			assertThat(call.taskId()).isEqualTo("00TSECOND");
		});
		assertThat(store.logClaimed(id, later)).as("recording ends the claim").isFalse();
	}

	@Test
	void aReleasedClaimLetsTheNextSaveClaimAtOnce() {
		String id = insert(false, null);
		Instant now = Instant.now();
		assertThat(store.claimLog(id, "failed", now, now.plusSeconds(300))).isTrue();
		store.releaseLog(id, "someone else's");
		assertThat(store.logClaimed(id, now)).as("only the claimer releases").isTrue();
		store.releaseLog(id, "failed");
		assertThat(store.claimLog(id, "retry", now, now.plusSeconds(300))).isTrue();
	}

	private String insert(boolean matchPending, String whoId) {
		return insert(matchPending, whoId, Duration.ZERO);
	}

	private String insert(boolean matchPending, String whoId, Duration ago) {
		String id = CallTracker.newId();
		OffsetDateTime at = OffsetDateTime.now().minus(ago);
		jdbc.sql("""
				INSERT INTO calling_call (id, webex_call_id, user_id, direction, state, remote_number, who_id, created_at, last_event_at,
				    log_status, match_pending)
				VALUES (?, ?, '005GUARDS', 'INBOUND', 'alerting', '+14155550142', ?, ?, ?, 'draft', ?)""")
			.params(id, "W-" + id, whoId, at, at, matchPending).update();
		return id;
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
