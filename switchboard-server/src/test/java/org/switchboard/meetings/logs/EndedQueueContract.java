package org.switchboard.meetings.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ended-meeting queue on each database: however many deliveries report one instance at once, one row; a
 * parked ("waiting") row wakes on the next report; a due row is claimed by one worker only.
 */
@SpringBootTest(properties = { "switchboard.demo.enabled=false", "switchboard.webex.sandbox.enabled=false",
		"switchboard.meetings.logs.retry-interval=PT1H", "switchboard.meetings.logs.reconcile-interval=PT1H" })
abstract class EndedQueueContract {

	@Autowired
	EndedQueue queue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void concurrentReportsOfOneEndedInstanceMakeOneRowAndOneClaim() throws Exception {
		String instance = UUID.randomUUID().toString().replace("-", "") + "_I_1";
		Instant now = Instant.now();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> offers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				offers.add(() -> transactions.execute(tx -> queue.offer(instance, "person", now)));
			}
			long added = 0;
			for (Future<Boolean> f : pool.invokeAll(offers)) {
				added += f.get() ? 1 : 0;
			}
			assertThat(added).isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_ended WHERE instance_id = ?").param(instance).query(Integer.class).single()).isEqualTo(1);

			List<Callable<Optional<EndedQueue.Ended>>> claims = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				claims.add(() -> transactions.execute(tx -> queue.claim(instance, now.plusSeconds(1), now.plusSeconds(120))));
			}
			long claimed = 0;
			for (Future<Optional<EndedQueue.Ended>> f : pool.invokeAll(claims)) {
				claimed += f.get().isPresent() ? 1 : 0;
			}
			assertThat(claimed).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aParkedInstanceWakesOnItsNextReportAndADoneOneStaysDone() {
		String parked = UUID.randomUUID().toString().replace("-", "") + "_I_2";
		String done = UUID.randomUUID().toString().replace("-", "") + "_I_3";
		Instant now = Instant.now();
		queue.offer(parked, "person", now);
		queue.offer(done, "person", now);
		queue.finish(parked, "waiting", "Webex reports the meeting inProgress, not ended");
		queue.finish(done, "done", "Event 00U");

		assertThat(queue.offer(parked, "person", now)).isTrue();
		assertThat(queue.status(parked)).contains("pending");
		assertThat(queue.offer(done, "person", now)).isFalse();
		assertThat(queue.status(done)).contains("done");
	}
}
