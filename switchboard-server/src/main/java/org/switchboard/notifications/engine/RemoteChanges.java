package org.switchboard.notifications.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.crm.RecordChanged;

/**
 * A remote CRM's changes (Salesforce: change data capture batches, the adapter's own writes) reach the notification
 * engine after their transaction committed, on a thread of their own and in the order they were committed, because
 * rendering reads the record over HTTP (ADR 0040).
 * The event publication registry keeps each change from that commit until it is queued: a change whose rendering
 * failed, or whose server stopped first, is resubmitted a minute on (or at the next start), and a change queued twice
 * is queued once (its rows are keyed by {@link ChangeKey}).
 */
@Component
@ConditionalOnExpression("'${switchboard.crm:embedded}' != 'embedded'")
class RemoteChanges {

	static final Duration RESUBMIT_AFTER = Duration.ofMinutes(1);
	/** One thread, so that changes are rendered and queued in the order they were committed, as in their transaction. */
	static final String EXECUTOR = "remoteChangesExecutor";

	private final NotificationEngine engine;
	private final IncompleteEventPublications incomplete;
	private final Clock clock;

	RemoteChanges(NotificationEngine engine, IncompleteEventPublications incomplete, Clock clock) {
		this.engine = engine;
		this.incomplete = incomplete;
		this.clock = clock;
	}

	@Async(EXECUTOR)
	@TransactionalEventListener(fallbackExecution = true)
	public void on(RecordChanged change) {
		engine.queueCommitted(change);
	}

	/** With a remote CRM this is the only after-commit listener of {@link RecordChanged}, so its publications are ours. */
	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void resubmitStalled() {
		Instant before = clock.instant().minus(RESUBMIT_AFTER);
		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof RecordChanged && p.getPublicationDate().isBefore(before));
	}

	/**
	 * The rendering thread. It is an {@code Executor} bean, next to which Spring Boot keeps its own task executor for
	 * every other {@code @Async} only with {@code spring.task.execution.mode=force} (application.properties).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("'${switchboard.crm:embedded}' != 'embedded'")
	static class RenderingThread {

		@Bean(EXECUTOR)
		ThreadPoolTaskExecutor remoteChangesExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(1);
			executor.setMaxPoolSize(1);
			executor.setThreadNamePrefix("remote-changes-");
			executor.setWaitForTasksToCompleteOnShutdown(true);
			executor.setAwaitTerminationSeconds(10);
			return executor;
		}
	}
}
