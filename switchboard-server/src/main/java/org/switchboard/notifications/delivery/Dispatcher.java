package org.switchboard.notifications.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.thread.Threading;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.notifications.bot.NotificationBot.BotChanged;

/**
 * Runs the delivery workers of this replica. Each loops: do one unit of due work, or wait until woken (new work
 * committed here) or the idle poll passes (work queued by other replicas, retries coming due).
 */
@Component
public class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private final DeliveryWorker worker;
	private final NotificationProperties properties;
	private final boolean virtualThreads;
	private final Object monitor = new Object();
	private final List<Thread> threads = new ArrayList<>();
	private long signals;
	private volatile boolean running;

	Dispatcher(DeliveryWorker worker, NotificationProperties properties, Environment environment) {
		this.worker = worker;
		this.properties = properties;
		this.virtualThreads = Threading.VIRTUAL.isActive(environment);
	}

	/** New work was committed: wake the idle workers now instead of at the next poll. */
	public void wake() {
		synchronized (monitor) {
			signals++;
			monitor.notifyAll();
		}
	}

	/** A new space (its bot join) or a new bot (every join) is due now. */
	@TransactionalEventListener
	void on(SpaceLinked linked) {
		wake();
	}

	@TransactionalEventListener
	void on(BotChanged changed) {
		wake();
	}

	@Override
	public boolean isAutoStartup() {
		return properties.dispatcherEnabled();
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		ThreadFactory factory = threadFactory();
		for (int i = 1; i <= Math.max(1, properties.workers()); i++) {
			Thread thread = factory.newThread(this::loop);
			threads.add(thread);
			thread.start();
		}
	}

	/** Virtual threads when the runtime has them and {@code spring.threads.virtual.enabled} is set: a worker mostly waits for Webex. */
	private ThreadFactory threadFactory() {
		if (virtualThreads) {
			return new VirtualThreadTaskExecutor("notifications-").getVirtualThreadFactory();
		}
		AtomicInteger next = new AtomicInteger();
		return work -> {
			Thread thread = new Thread(work, "notifications-" + next.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	/** Waits for the posts in flight, 10 s in all however many workers there are; a post still running keeps its lease. */
	public synchronized void stop() {
		running = false;
		wake();
		long deadline = System.nanoTime() + STOP_WAIT.toNanos();
		for (Thread thread : threads) {
			try {
				thread.join(Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			long seen;
			synchronized (monitor) {
				seen = signals;
			}
			boolean worked;
			try {
				worked = worker.workOnce();
			}
			catch (RuntimeException e) {
				log.warn("Notification worker failed; retrying after the idle poll", e);
				worked = false;
			}
			if (!worked) {
				idle(seen);
			}
		}
	}

	private void idle(long seen) {
		synchronized (monitor) {
			if (signals == seen && running) {
				try {
					monitor.wait(properties.idlePoll().toMillis());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					running = false;
				}
			}
		}
	}
}
