package org.switchboard.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code all --scale=small|medium|full [--db=h2|postgres|both]}: every benchmark at one scale, then one report
 * (Markdown + JSON) in {@code switchboard-benchmarks/report/}. The lifecycle figures (start to ready, idle memory,
 * stop with an SSE stream open) come from {@code scripts/lifecycle.sh}, run against the packaged server.
 */
final class AllBenchmarks {

	private AllBenchmarks() {
	}

	/** Per scale: Contacts+Leads, lookups, screen-pop rate and seconds, webhook seconds, notification changes. */
	private static final Map<String, int[]> SCALES = Map.of(
			"small", new int[] { 10_000, 5_000, 50, 10, 10, 1_000 },
			"medium", new int[] { 100_000, 20_000, 200, 20, 20, 5_000 },
			"full", new int[] { 1_000_000, 20_000, 200, 30, 20, 10_000 });

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		String scale = options.text("scale", "small");
		int[] s = SCALES.get(scale);
		if (s == null) {
			throw new IllegalArgumentException("--scale must be one of " + SCALES.keySet());
		}
		String db = "--db=" + options.text("db", "both");
		String jar = "java -jar switchboard-benchmarks/target/switchboard-benchmarks-0.1.0-SNAPSHOT-exec.jar ";
		run(jar, "crm-lookup", db, "--records=" + s[0], "--lookups=" + s[1]);
		run(jar, "screen-pop", db, "--records=" + s[0], "--rate=" + s[2], "--seconds=" + s[3]);
		run(jar, "webhook-ingest", db, "--seconds=" + s[4], "--runs=3");
		run(jar, "notifications", db, "--changes=" + s[5], "--runs=3");
		run(jar, "notifications", db, "--changes=" + s[5], "--runs=3", "--webex-latency-ms=150");
		lifecycle(options.integer("rounds", 3));
		String markdown = Report.write(Path.of(options.text("out", "switchboard-benchmarks/report")), "all " + String.join(" ", args));
		System.out.println();
		System.out.println(markdown);
	}

	private static void run(String jar, String benchmark, String... args) throws Exception {
		Report.command(jar + benchmark + " " + String.join(" ", args));
		String[] all = new String[args.length + 1];
		all[0] = benchmark;
		System.arraycopy(args, 0, all, 1, args.length);
		try {
			Benchmarks.main(all);
		}
		catch (Exception | AssertionError e) {
			System.out.println(benchmark + " FAILED: " + e);
			Report.value(benchmark, "FAILED: " + e.getClass().getSimpleName(), "", "", Double.NaN, null);
		}
	}

	/** Runs scripts/lifecycle.sh and reads its last line, {"ready_s":…,"cpu_s":…,"rss_mb":…,"stop_s":…}. */
	private static void lifecycle(int rounds) throws Exception {
		String script = "switchboard-benchmarks/scripts/lifecycle.sh";
		Report.command("bash " + script + " " + rounds);
		Process p = new ProcessBuilder(List.of("bash", script, String.valueOf(rounds))).redirectErrorStream(true).start();
		List<String> lines = new ArrayList<>();
		try (var reader = p.inputReader()) {
			reader.lines().forEach(line -> {
				System.out.println(line);
				lines.add(line);
			});
		}
		p.waitFor();
		String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
		if (!last.startsWith("{")) {
			Report.value("lifecycle", "FAILED: " + last, "h2", "", Double.NaN, null);
			return;
		}
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(last);
		String note = " (median of " + rounds + " second starts, embedded default)";
		Report.value("lifecycle", "start to ready" + note, "h2", "s", json.get("ready_s").asDouble(), "≤ 4 s");
		Report.value("lifecycle", "CPU used by the JVM until ready" + note, "h2", "s", json.get("cpu_s").asDouble(), null);
		Report.value("lifecycle", "idle RSS 20 s after ready" + note, "h2", "MB", json.get("rss_mb").asDouble(), "≤ 300 MB");
		Report.value("lifecycle", "SIGTERM to exit, one SSE stream open" + note, "h2", "s", json.get("stop_s").asDouble(), "≤ 3 s");
	}
}
