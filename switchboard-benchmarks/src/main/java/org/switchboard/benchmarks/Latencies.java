package org.switchboard.benchmarks;

import java.util.Arrays;

/** Collects per-operation latencies and reports percentiles in milliseconds. */
final class Latencies {

	private final long[] nanos;
	private int size;

	Latencies(int capacity) {
		this.nanos = new long[capacity];
	}

	void add(long elapsedNanos) {
		nanos[size++] = elapsedNanos;
	}

	int size() {
		return size;
	}

	void addAllTo(Latencies other) {
		for (int i = 0; i < size; i++) {
			other.add(nanos[i]);
		}
	}

	double percentileMillis(double percentile) {
		long[] sorted = Arrays.copyOf(nanos, size);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
		return sorted[Math.max(0, Math.min(index, size - 1))] / 1e6;
	}

	String summary() {
		return String.format("p50 %.3f ms  p99 %.3f ms  max %.3f ms  (n=%d)", percentileMillis(50), percentileMillis(99),
				percentileMillis(100), size);
	}
}
