package org.switchboard.admin.operations;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The few numbers that tell an admin something is wrong, sampled from the gauges the feature modules register (by
 * name, so admin imports none of them) every {@link #EVERY_MS} ms and kept for the last {@link #SAMPLES} samples.
 * The gauges read the database, so every replica shows the same numbers; the history starts when the replica did.
 */
@Component
public class OperationsHistory {

	static final long EVERY_MS = 30_000;
	static final int SAMPLES = 60;

	/** What the console charts: the gauge it samples and how to read it. */
	enum Series {
		DELIVERIES_STUCK("switchboard.notifications.deliveries.stuck", "Deliveries stuck", "deliveries"),
		OUTBOX_AGE("switchboard.notifications.outbox.age", "Outbox age", "seconds"),
		LAST_WEBHOOK("switchboard.webhooks.last.received", "Since the last webhook", "seconds");

		final String gauge;
		final String title;
		final String unit;

		Series(String gauge, String title, String unit) {
			this.gauge = gauge;
			this.title = title;
			this.unit = unit;
		}
	}

	private final MeterRegistry meters;
	private final Clock clock;
	private final Map<Series, Deque<Double>> history = new LinkedHashMap<>();

	OperationsHistory(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
		for (Series series : Series.values()) {
			history.put(series, new ArrayDeque<>());
		}
	}

	@Scheduled(fixedDelay = EVERY_MS, initialDelay = 5_000)
	void sample() {
		for (Series series : Series.values()) {
			Double value = read(series);
			if (value != null) {
				synchronized (history) {
					Deque<Double> samples = history.get(series);
					samples.addLast(value);
					while (samples.size() > SAMPLES) {
						samples.removeFirst();
					}
				}
			}
		}
	}

	/** Each series' samples, oldest first, ending with a fresh reading. */
	public List<Chart> charts() {
		return Arrays.stream(Series.values()).map(series -> {
			List<Double> values;
			synchronized (history) {
				values = new ArrayList<>(history.get(series));
			}
			Double now = read(series);
			if (now != null) {
				values.add(now);
			}
			return Chart.of(series.name().toLowerCase(Locale.ROOT).replace('_', '-'), series.title, series.unit, values);
		}).toList();
	}

	/** The gauge's current value; for the last webhook, the seconds since it (null when there was none yet). */
	private Double read(Series series) {
		Gauge gauge = meters.find(series.gauge).gauge();
		if (gauge == null) {
			return null;
		}
		double value = gauge.value();
		if (Double.isNaN(value)) {
			return null;
		}
		if (series == Series.LAST_WEBHOOK) {
			return value <= 0 ? null : Math.max(0, clock.instant().getEpochSecond() - value);
		}
		return value;
	}
}
