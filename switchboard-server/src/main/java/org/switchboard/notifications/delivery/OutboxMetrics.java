package org.switchboard.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.switchboard.webex.WebexApiException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox as an operator watches it: how many deliveries wait, how long the oldest has waited, how many are stuck
 * (failed for good, or failed at least once and waiting to retry), read from the table so every replica reports the
 * same; and each attempt to post by the status Webex answered.
 */
@Component
class OutboxMetrics {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final MeterRegistry meters;

	OutboxMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.meters = meters;
		Gauge.builder("switchboard.notifications.outbox.depth", this, m -> m.count("status = 'pending'"))
			.description("Notification deliveries waiting to be posted")
			.register(meters);
		Gauge.builder("switchboard.notifications.outbox.age", this, OutboxMetrics::oldestPendingSeconds)
			.description("How long the oldest waiting notification delivery has waited")
			.baseUnit("seconds")
			.register(meters);
		Gauge.builder("switchboard.notifications.deliveries.stuck", this,
				m -> m.count("status = 'failed' OR (status = 'pending' AND attempts > 0)"))
			.description("Notification deliveries that failed for good or are retrying after a failure")
			.register(meters);
	}

	/** One attempt to post a delivery: {@code 200}, Webex's error status, {@code 0} unreachable, or {@code cannot_join}. */
	void attempt(String status) {
		Counter.builder("switchboard.notifications.delivery.attempts")
			.description("Attempts to post a notification delivery, by the HTTP status Webex answered")
			.tag("status", status)
			.register(meters)
			.increment();
	}

	static String statusOf(RuntimeException failure) {
		return failure instanceof WebexApiException webex ? Integer.toString(webex.status()) : "cannot_join";
	}

	private double count(String where) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE " + where).query(Long.class).single();
	}

	private double oldestPendingSeconds() {
		return jdbc.sql("SELECT created_date FROM notification_delivery WHERE status = 'pending' ORDER BY id LIMIT 1")
			.query(OffsetDateTime.class)
			.optional()
			.map(created -> Math.max(0, Duration.between(created.toInstant(), clock.instant()).toMillis() / 1000.0))
			.orElse(0.0);
	}
}
