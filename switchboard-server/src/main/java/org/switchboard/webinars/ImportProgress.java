package org.switchboard.webinars;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/imports/{importId}/events}: a {@code progress} event with the job's counts whenever they change,
 * read from the job's row (committed chunk by chunk), so the bar moves whichever server runs the import and after a
 * restart; the stream ends after the event that says done or failed.
 */
@Component
class ImportProgress implements SmartLifecycle {

	private static final Duration EVERY = Duration.ofMillis(400);
	private static final Duration LONGEST = Duration.ofMinutes(30);

	private final ImportJobs jobs;
	// Made on every start: a lifecycle may stop and start again (Spring's test context cache pauses idle contexts).
	private volatile ScheduledExecutorService ticker;
	private volatile boolean running;

	ImportProgress(ImportJobs jobs) {
		this.jobs = jobs;
	}

	SseEmitter stream(ImportJob start) {
		SseEmitter emitter = new SseEmitter(LONGEST.toMillis());
		AtomicReference<ImportJob> last = new AtomicReference<>();
		AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
		Runnable tick = () -> {
			ImportJob job = jobs.find(start.importId()).orElse(start);
			try {
				if (!job.equals(last.get())) {
					emitter.send(SseEmitter.event().name("progress").id(String.valueOf(job.processed())).data(job, MediaType.APPLICATION_JSON));
					last.set(job);
				}
				if (job.finished()) {
					emitter.complete();
					task.get().cancel(false);
				}
			}
			catch (IOException | IllegalStateException gone) {
				task.get().cancel(false);
			}
		};
		task.set(ticker.scheduleWithFixedDelay(tick, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS));
		Runnable stop = () -> task.get().cancel(false);
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError(e -> stop.run());
		return emitter;
	}

	@Override
	public void start() {
		ticker = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "webinar-import-progress");
			thread.setDaemon(true);
			return thread;
		});
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		ticker.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
