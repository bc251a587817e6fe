package org.switchboard.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure the benchmarks of one run measured, written as {@code report.json} and {@code report.md}: figure,
 * unit, value or p50/p99, the target, the command that produced it, and the machine, commit and date.
 */
final class Report {

	/** One figure; {@code value} for a rate or size, {@code p50}/{@code p99} for latencies (null where not one). */
	record Figure(String benchmark, String figure, String database, String unit, Double value, Double p50, Double p99,
			String target, String command) {
	}

	private static final List<Figure> FIGURES = new CopyOnWriteArrayList<>();
	private static volatile String command = "";

	private Report() {
	}

	/** The command line figures added from now on were produced by. */
	static void command(String line) {
		command = line;
	}

	static void value(String benchmark, String figure, String database, String unit, double value, String target) {
		FIGURES.add(new Figure(benchmark, figure, database, unit, value, null, null, target, command));
	}

	static void latency(String benchmark, String figure, String database, Latencies latencies, String target) {
		FIGURES.add(new Figure(benchmark, figure, database, "ms", null, measured(latencies.percentileMillis(50)),
				measured(latencies.percentileMillis(99)), target, command));
	}

	/** Null (an empty cell) for a percentile of nothing. */
	private static Double measured(double millis) {
		return Double.isNaN(millis) ? null : millis;
	}

	/** Adds a figure as given; a null command is the current one. */
	static final java.util.function.Consumer<Figure> FIGURES_ADD = f -> FIGURES.add(f.command() != null ? f
			: new Figure(f.benchmark(), f.figure(), f.database(), f.unit(), f.value(), f.p50(), f.p99(), f.target(), command));

	static List<Figure> figures() {
		return List.copyOf(FIGURES);
	}

	/** Writes report.json and report.md into {@code dir}; {@code run} names what ran; returns the Markdown. */
	static String write(Path dir, String run) throws IOException {
		Map<String, Object> machine = machine();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		json.put("commit", git("rev-parse", "--short", "HEAD"));
		json.put("run", run);
		json.put("machine", machine);
		json.put("figures", figures());
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("report.json"),
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
		StringBuilder md = new StringBuilder();
		md.append("# Switchboard benchmark report\n\n");
		md.append(String.format("Date %s, commit `%s`, run `%s`. Machine: %s cores, %s GB memory, %s, Java %s; load average %s at the end%s.%n%n",
				json.get("date"), json.get("commit"), run, machine.get("cores"), machine.get("memoryGb"), machine.get("os"),
				machine.get("java"), machine.get("loadAverage"), machine.get("note")));
		md.append("| benchmark | figure | database | value | p50 | p99 | unit | target |\n|---|---|---|---|---|---|---|---|\n");
		for (Figure f : figures()) {
			md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s |%n", f.benchmark(), f.figure(), f.database(),
					number(f.value()), number(f.p50()), number(f.p99()), f.unit(), f.target() == null ? "" : f.target()));
		}
		md.append("\nCommands:\n\n");
		figures().stream().map(Figure::command).distinct().forEach(c -> md.append("    ").append(c).append('\n'));
		Files.writeString(dir.resolve("report.md"), md.toString());
		return md.toString();
	}

	private static String number(Double value) {
		if (value == null) {
			return "";
		}
		return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
	}

	private static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		machine.put("memoryGb", Math.round(os.getTotalMemorySize() / 1e9));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		machine.put("java", System.getProperty("java.version"));
		machine.put("loadAverage", String.format(Locale.ROOT, "%.1f", os.getSystemLoadAverage()));
		machine.put("note", System.getProperty("bench.note", "").isEmpty() ? "" : "; " + System.getProperty("bench.note"));
		return machine;
	}

	private static String git(String... args) {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(args));
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes()).trim();
			return p.waitFor() == 0 ? out : "unknown";
		}
		catch (IOException e) {
			return "unknown";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}
}
