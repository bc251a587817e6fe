package org.switchboard.webex.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTests {

	private final DriverManagerDataSource database = new DriverManagerDataSource(
			"jdbc:h2:mem:g" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa", "");
	private final JdbcClient jdbc = JdbcClient.create(database);
	private final AtomicInteger commits = new AtomicInteger();
	private final GroupCommit group = new GroupCommit(new TransactionTemplate(new JdbcTransactionManager(database) {
		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			super.doCommit(status);
			commits.incrementAndGet();
		}
	}));
	private final ExecutorService requests = Executors.newCachedThreadPool();

	GroupCommitTests() {
		jdbc.sql("CREATE TABLE delivery (id INT PRIMARY KEY, call_id VARCHAR(20))").update();
		group.start();
	}

	@AfterEach
	void stop() {
		requests.shutdownNow();
		group.stop();
	}

	@Test
	void concurrentDeliveriesShareCommitsAndEachIsCommittedBeforeItsCallerHearsBack() throws Exception {
		CountDownLatch writerBusy = holdTheWriterOf("CALL-0");
		List<Future<Boolean>> visibleOnReturn = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			int id = i;
			visibleOnReturn.add(requests.submit(() -> {
				group.run("CALL-0", () -> insert(id, "CALL-0"));
				return countOf("id = " + id) == 1; // read on another connection: committed
			}));
		}
		waitUntilQueued(40);
		writerBusy.countDown();

		for (Future<Boolean> visible : visibleOnReturn) {
			assertThat(visible.get(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(countOf("call_id = 'CALL-0'")).isEqualTo(41);
		assertThat(commits.get()).as("the blocked one's commit, then the 40 queued behind it in one").isEqualTo(2);
	}

	@Test
	void aDeliveryThatFailsInABatchFailsAloneAndTheOthersAreStored() throws Exception {
		CountDownLatch writerBusy = holdTheWriterOf("CALL-1");
		Future<Integer> before = queue("CALL-1", 1, 1);
		Future<Integer> bad = queue("CALL-1", 1, 2); // the same id again: refused by the primary key
		Future<Integer> after = queue("CALL-1", 2, 3);
		writerBusy.countDown();

		assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(2);
		assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(DuplicateKeyException.class);
		assertThat(countOf("call_id = 'CALL-1'")).isEqualTo(3);
	}

	@Test
	void aFailureOfItsOwnReachesTheCallerAsThrown() {
		IllegalStateException broke = new IllegalStateException("listener broke");

		assertThatThrownBy(() -> group.run("CALL-2", () -> {
			insert(7, "CALL-2");
			throw broke;
		})).isSameAs(broke);
		assertThat(countOf("call_id = 'CALL-2'")).isZero();
	}

	@Test
	void afterStopNothingIsTakenAndTheCallerHearsTheDatabaseIsUnavailable() {
		group.stop();

		assertThatThrownBy(() -> group.run("CALL-3", () -> insert(9, "CALL-3"))).isInstanceOf(CannotCreateTransactionException.class);
		assertThat(countOf("call_id = 'CALL-3'")).isZero();
	}

	/** Occupies the writer that {@code key} goes to (with a committed row id 0 for it) until the latch opens. */
	private CountDownLatch holdTheWriterOf(String key) throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch holding = new CountDownLatch(1);
		requests.submit(() -> group.run(key, () -> {
			holding.countDown();
			await(release);
			return insert(1000 + key.hashCode() % 100, key);
		}));
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
		commits.set(0);
		return release;
	}

	/** Queues the insert of a row and waits until it is the {@code position}th in its writer's queue. */
	private Future<Integer> queue(String key, int id, int position) throws InterruptedException {
		Future<Integer> result = requests.submit(() -> group.run(key, () -> insert(id, key)));
		waitUntilQueued(position);
		return result;
	}

	private void waitUntilQueued(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (group.queued() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(group.queued()).isEqualTo(count);
	}

	private int insert(int id, String callId) {
		jdbc.sql("INSERT INTO delivery (id, call_id) VALUES (?, ?)").params(id, callId).update();
		return id;
	}

	private long countOf(String where) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE " + where).query(Long.class).single();
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
