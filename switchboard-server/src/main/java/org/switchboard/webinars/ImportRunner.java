package org.switchboard.webinars;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.errors.UpstreamException;
import org.switchboard.webex.WebexAccounts;

/**
 * Runs import jobs in the background, on whichever server claims them. A job reads its people from Webex (outside
 * any transaction), then writes them chunk by chunk. When the CRM lives in our database each chunk's records, report
 * rows and counts commit together; a remote CRM is written with no transaction open, then the chunk's report rows and
 * counts commit in one short transaction (ADR 0033). A server that stops or dies mid-import leaves its claim to
 * lapse; the next claim (any server, or this one after a restart) reads the people again in the same order and
 * continues after the last committed chunk, so nobody is written twice. Webex trouble (after the client's own
 * retries) gives the job back for a later attempt.
 */
@Component
class ImportRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
	static final int CHUNK = 1_000;
	private static final int MAX_ATTEMPTS = 5;

	private final ImportJobs jobs;
	private final WebinarPeople webinarPeople;
	private final ImportChunk chunk;
	private final WebexAccounts accounts;
	private final TransactionTemplate transactions;
	private final Duration lease;
	// Made on every start: a lifecycle may stop and start again (Spring's test context cache pauses idle contexts).
	private volatile ExecutorService workers;
	private final Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
	private volatile boolean active;

	ImportRunner(ImportJobs jobs, WebinarPeople webinarPeople, ImportChunk chunk, WebexAccounts accounts, TransactionTemplate transactions,
			@Value("${switchboard.webinars.import.lease:PT30S}") Duration lease) {
		this.jobs = jobs;
		this.webinarPeople = webinarPeople;
		this.chunk = chunk;
		this.accounts = accounts;
		this.transactions = transactions;
		this.lease = lease;
	}

	/** Starts a job just created on this server without waiting for the poll. */
	void kick(String importId) {
		if (active) {
			workers.execute(() -> runIfClaimed(importId));
		}
	}

	@Scheduled(fixedDelayString = "${switchboard.webinars.import.poll:PT2S}", initialDelay = 1_000)
	void poll() {
		if (active) {
			jobs.claimable().stream().filter(id -> !running.contains(id)).forEach(id -> workers.execute(() -> runIfClaimed(id)));
		}
	}

	private void runIfClaimed(String id) {
		if (!running.add(id)) {
			return;
		}
		try {
			if (jobs.claim(id, lease)) {
				jobs.find(id).ifPresent(this::run);
			}
		}
		catch (RuntimeException e) {
			log.warn("Webinar import {} stopped: {}", id, e.toString());
			if (jobs.attempts(id) >= MAX_ATTEMPTS) {
				jobs.finish(id, "failed", "Stopped after " + MAX_ATTEMPTS + " attempts: " + e.getMessage());
			}
		}
		finally {
			running.remove(id);
		}
	}

	private void run(ImportJob job) {
		List<WebinarPerson> people;
		long started = System.nanoTime();
		try {
			String token = accounts.tokenFor(job.userId())
				.orElseThrow(() -> new IllegalStateException("the importing user is no longer signed in to Webex"));
			people = webinarPeople.read(token, job.webinarId(), new HashSet<>(job.people()));
		}
		catch (UpstreamException e) {
			if (jobs.attempts(job.importId()) >= MAX_ATTEMPTS) {
				jobs.finish(job.importId(), "failed", "Webex did not answer after " + MAX_ATTEMPTS + " attempts: " + e.getMessage());
			}
			else {
				jobs.release(job.importId(), Duration.ofSeconds(5), "Webex trouble, trying again: " + e.getMessage());
			}
			return;
		}
		catch (IllegalStateException e) {
			jobs.finish(job.importId(), "failed", e.getMessage());
			return;
		}
		long read = System.nanoTime();
		jobs.started(job.importId(), people.size(), lease);
		int from = job.processed();
		while (from < people.size() && active) {
			int first = from;
			List<WebinarPerson> slice = people.subList(first, Math.min(people.size(), first + CHUNK));
			if (chunk.writesInOurTransaction()) {
				transactions.executeWithoutResult(tx -> keep(job, first, chunk.write(job, slice)));
			}
			else {
				ImportChunk.Written written = chunk.write(job, slice);
				transactions.executeWithoutResult(tx -> keep(job, first, written));
			}
			from += slice.size();
		}
		if (from >= people.size()) {
			jobs.finish(job.importId(), "done", null);
			log.info("Webinar import {} done: {} people into {}; read from Webex in {} ms, written in {} ms", job.importId(), people.size(),
					job.object(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
		}
	}

	private void keep(ImportJob job, int first, ImportChunk.Written written) {
		chunk.keep(job, written);
		jobs.progress(job.importId(), first, written.outcomes(), lease);
	}

	@Override
	public void start() {
		workers = Executors.newFixedThreadPool(2, r -> {
			Thread thread = new Thread(r, "webinar-import");
			thread.setDaemon(true);
			return thread;
		});
		active = true;
	}

	/** Stops taking chunks; the job's claim lapses and it resumes after the last committed chunk. */
	@Override
	public void stop() {
		active = false;
		workers.shutdown();
	}

	@Override
	public boolean isRunning() {
		return active;
	}
}
