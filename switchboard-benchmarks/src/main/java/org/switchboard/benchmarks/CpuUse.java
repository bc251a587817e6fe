package org.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Where the CPU went during a run, read from the OS: this JVM (the load's clients), the server's JVM, every
 * PostgreSQL process (machine-wide, so other users of the database count too) and the whole machine's busy time
 * ({@code /proc/stat}), so a figure can say whether the client, the server, the database or someone else used the
 * cores.
 */
record CpuUse(long clientNanos, long serverNanos, long postgresNanos, long machineBusyNanos, long wallNanos) {

	/** Linux reports {@code /proc/stat} in clock ticks of 1/100 s ({@code USER_HZ}). */
	private static final long NANOS_PER_TICK = 10_000_000L;

	static CpuUse now(ProcessHandle server) {
		return new CpuUse(cpu(ProcessHandle.current()), cpu(server),
				ProcessHandle.allProcesses().filter(CpuUse::isPostgres).mapToLong(CpuUse::cpu).sum(), machineBusy(),
				System.nanoTime());
	}

	/** CPU per {@code unit} (a delivery, a pop) between {@code start} and this snapshot, with the cores' use, as one line. */
	String since(CpuUse start, long deliveries, String unit) {
		double wall = (wallNanos - start.wallNanos) / 1e9;
		return String.format("CPU ms/" + unit + ": client %.3f, server %.3f, PostgreSQL %.3f; cores busy: client %.2f, server %.2f, "
				+ "PostgreSQL %.2f, machine %.2f of %d", perDelivery(clientNanos - start.clientNanos, deliveries),
				perDelivery(serverNanos - start.serverNanos, deliveries), perDelivery(postgresNanos - start.postgresNanos, deliveries),
				(clientNanos - start.clientNanos) / 1e9 / wall, (serverNanos - start.serverNanos) / 1e9 / wall,
				(postgresNanos - start.postgresNanos) / 1e9 / wall, (machineBusyNanos - start.machineBusyNanos) / 1e9 / wall,
				Runtime.getRuntime().availableProcessors());
	}

	/** The server's CPU per delivery in ms between {@code start} and this snapshot. */
	double serverMillisPerDelivery(CpuUse start, long deliveries) {
		return perDelivery(serverNanos - start.serverNanos, deliveries);
	}

	private static double perDelivery(long nanos, long deliveries) {
		return deliveries == 0 ? 0 : nanos / 1e6 / deliveries;
	}

	/** The process's CPU time so far, in nanoseconds (0 where the OS does not say). */
	static long cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
	}

	private static long machineBusy() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long[] ticks = Arrays.stream(fields).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
			long idle = ticks[3] + ticks[4];
			return (Arrays.stream(ticks).sum() - idle) * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException notLinux) {
			return 0;
		}
	}
}
