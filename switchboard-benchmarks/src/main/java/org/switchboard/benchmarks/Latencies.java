package org.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

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

	/** The percentile in milliseconds; NaN when nothing was measured. */
	double percentileMillis(double percentile) {
		if (size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(nanos, size);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
		return sorted[Math.max(0, Math.min(index, size - 1))] / 1e6;
	}

	String summary() {
		if (size == 0) {
			return "no samples (n=0)";
		}
		return String.format("p50 %.3f ms  p99 %.3f ms  max %.3f ms  (n=%d)", percentileMillis(50), percentileMillis(99),
				percentileMillis(100), size);
	}

	/** Writes the samples, one number of nanoseconds per line, for another JVM to {@link #read}. */
	void write(Path file) throws IOException {
		Files.writeString(file, LongStream.of(Arrays.copyOf(nanos, size)).mapToObj(Long::toString).collect(Collectors.joining("\n")));
	}

	static Latencies read(Path file) throws IOException {
		long[] samples = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).mapToLong(Long::parseLong).toArray();
		Latencies latencies = new Latencies(samples.length);
		LongStream.of(samples).forEach(latencies::add);
		return latencies;
	}
}
