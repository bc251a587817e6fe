package org.switchboard.webex.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Group commit of webhook deliveries (ADR 0037). A delivery's work runs on one of {@value #WRITERS} writer threads,
 * in one transaction with the deliveries queued for that writer meanwhile (at most {@value #MAX_BATCH}), and its
 * caller gets the result only once that transaction has committed: an acknowledgement still means stored, but many
 * deliveries share one commit. Work with the same key (a call's id) always goes to the same writer, in the order it
 * came, so a call's events apply in order and two writers never hold each other's call rows. When anything in a batch
 * fails, the batch is rolled back and each of its deliveries runs again in a transaction of its own, so a bad
 * delivery fails alone, as it would without grouping.
 */
@Component
class GroupCommit implements SmartLifecycle {

	static final int WRITERS = 4;
	static final int MAX_BATCH = 64;
	/** How long work may wait for its writer before the request fails as if no connection were free (the pool's timeout). */
	static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(5);
	/** Starts before the web server takes requests and stops after it has finished the last one. */
	private static final int PHASE = 0;

	private final TransactionTemplate transactions;
	private final List<BlockingQueue<Pending<?>>> queues = new ArrayList<>();
	private final List<Thread> writers = new ArrayList<>();
	private volatile boolean running;

	GroupCommit(TransactionTemplate transactions) {
		this.transactions = transactions;
	}

	/**
	 * Runs {@code work} in a transaction shared with other deliveries and returns its result once committed; throws
	 * what {@code work} threw (when run alone), or what the commit threw.
	 */
	<T> T run(String key, Supplier<T> work) {
		if (!running) {
			throw new CannotCreateTransactionException("Webhook deliveries are not being written: the server is stopping");
		}
		Pending<T> pending = new Pending<>(work, RequestContextHolder.getRequestAttributes(), MDC.getCopyOfContextMap());
		BlockingQueue<Pending<?>> queue = queues.get(Math.floorMod(key.hashCode(), WRITERS));
		queue.add(pending);
		return pending.await(queue);
	}

	/** Deliveries waiting for a writer. */
	int queued() {
		return queues.stream().mapToInt(BlockingQueue::size).sum();
	}

	private void write(BlockingQueue<Pending<?>> queue) {
		List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
		while (running || !queue.isEmpty()) {
			try {
				batch.add(queue.take());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			queue.drainTo(batch, MAX_BATCH - 1);
			batch.removeIf(Pending::isStop);
			commit(batch);
			batch.clear();
		}
	}

	private void commit(List<Pending<?>> batch) {
		if (batch.isEmpty()) {
			return;
		}
		List<Object> results = new ArrayList<>(batch.size());
		try {
			transactions.executeWithoutResult(tx -> batch.forEach(pending -> results.add(pending.runHere())));
		}
		catch (RuntimeException | Error failed) {
			if (batch.size() == 1) {
				batch.get(0).fail(failed);
			}
			else {
				batch.forEach(this::commitAlone);
			}
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).complete(results.get(i));
		}
	}

	private void commitAlone(Pending<?> pending) {
		try {
			pending.complete(transactions.execute(tx -> pending.runHere()));
		}
		catch (RuntimeException | Error failed) {
			pending.fail(failed);
		}
	}

	@Override
	public synchronized void start() {
		running = true;
		for (int i = 0; i < WRITERS; i++) {
			BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
			queues.add(queue);
			Thread writer = new Thread(() -> write(queue), "webhook-commit-" + i);
			writer.setDaemon(true);
			writers.add(writer);
			writer.start();
		}
	}

	/** Writes what is queued, then lets the writers end. */
	@Override
	public synchronized void stop() {
		running = false;
		queues.forEach(queue -> queue.add(Pending.STOP));
		for (Thread writer : writers) {
			try {
				writer.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
		queues.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** One delivery's work, with the request's context to run it in, and its outcome for the waiting request. */
	private static final class Pending<T> {

		static final Pending<Object> STOP = new Pending<>(() -> null, null, null);

		private final Supplier<T> work;
		private final RequestAttributes request;
		private final Map<String, String> logContext;
		private final CompletableFuture<T> outcome = new CompletableFuture<>();

		Pending(Supplier<T> work, RequestAttributes request, Map<String, String> logContext) {
			this.work = work;
			this.request = request;
			this.logContext = logContext;
		}

		boolean isStop() {
			return this == STOP;
		}

		/** Runs the work on this thread as if on the request's: its request attributes and log context. */
		T runHere() {
			RequestContextHolder.setRequestAttributes(request);
			if (logContext != null) {
				MDC.setContextMap(logContext);
			}
			try {
				return work.get();
			}
			finally {
				RequestContextHolder.resetRequestAttributes();
				MDC.clear();
			}
		}

		@SuppressWarnings("unchecked")
		void complete(Object result) {
			outcome.complete((T) result);
		}

		void fail(Throwable failure) {
			outcome.completeExceptionally(failure);
		}

		/** The result once committed; fails like a pool timeout if no writer took the work in time. */
		T await(BlockingQueue<Pending<?>> queue) {
			try {
				try {
					return outcome.get(QUEUE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException slow) {
					if (queue.remove(this)) {
						throw new CannotCreateTransactionException("No webhook writer took the delivery within " + QUEUE_TIMEOUT);
					}
					return outcome.get();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new CannotCreateTransactionException("Interrupted while the delivery was written", e);
			}
			catch (ExecutionException e) {
				if (e.getCause() instanceof RuntimeException failure) {
					throw failure;
				}
				throw (Error) e.getCause();
			}
		}
	}
}
