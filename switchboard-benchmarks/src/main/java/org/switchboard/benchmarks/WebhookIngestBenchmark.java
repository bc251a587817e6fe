package org.switchboard.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Webhook ingest over the whole call path, durably: a server in its own JVM ({@link IngestServer}) with the demo
 * agent linked to a Webex person; concurrent clients post unique, signed {@code telephony_calls} deliveries for that
 * person, three per call (alerting → connected → disconnected), so every delivery is matched, locks its call row
 * and publishes the live event ({@link CallLoad}). The same load against {@code /webhooks/bare} (reads the body,
 * stores nothing) gives the ceiling of the HTTP stack. The last run ends with {@code kill -9} of the server while
 * the clients are still posting; the product is then started again on the same data and counts what it stored:
 * every acknowledged delivery and call must be there (in-flight ones may be there too).
 *
 * <p>Each run prints the CPU per delivery of client, server and PostgreSQL and how busy the machine was
 * ({@link CpuUse}). {@code --client=jdk} posts through the JDK HttpClient instead of the lean client;
 * {@code -Dbench.ingest.jfr=<prefix>} records the server during the full-path runs into {@code <prefix>-<db>.jfr};
 * {@code --server-jvm="<options>"} adds JVM options to the server (not to the clients' JVM).
 */
final class WebhookIngestBenchmark {

	private WebhookIngestBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int seconds = (int) options.duration("seconds", ChronoUnit.SECONDS, Duration.ofSeconds(20)).toSeconds();
		int clients = options.integer("clients", 32);
		int runs = options.integer("runs", 3);
		boolean lean = switch (options.text("client", "lean")) {
			case "lean" -> true;
			case "jdk" -> false;
			default -> throw new IllegalArgumentException("--client must be lean or jdk");
		};
		List<String> serverJvm = options.words("server-jvm");
		for (String kind : options.databases()) {
			run(kind, seconds, clients, runs, lean, serverJvm);
		}
	}

	private static void run(String kind, int seconds, int clients, int runs, boolean lean, List<String> serverJvm) throws Exception {
		BenchDatabase database = BenchDatabase.create(kind);
		Path numbersFile = Files.createTempFile("caller-numbers", ".txt");
		ServerProcess server = null;
		try {
			System.out.printf("%n== %s: webhook ingest, full call path, %d %s clients, %d runs of %d s, kill -9 at the end ==%n", kind,
					clients, lean ? "lean" : "JDK HttpClient", runs, seconds);
			if (!serverJvm.isEmpty()) {
				System.out.println("server JVM flags  " + String.join(" ", serverJvm));
			}
			server = IngestServer.serve(database, numbersFile, serverJvm);
			ServerProcess started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> kill(started)));
			CallLoad load = new CallLoad(server.port(), Files.readAllLines(numbersFile), clients, lean);
			load.run("/webhooks/webex", 5, () -> { });
			Measured bareRun = measured(load, "/webhooks/bare", seconds, started, false, null);
			double bare = bareRun.result().perSecond();
			System.out.printf("bare endpoint     %,.0f deliveries/s%n                  %s%n", bare, bareRun.cpu());
			double[] rates = new double[runs];
			double[] serverCpu = new double[runs];
			List<CallLoad.Result> results = new ArrayList<>();
			String recording = System.getProperty("bench.ingest.jfr");
			if (recording != null) {
				server.jcmd("JFR.start", "name=ingest", "settings=profile");
			}
			for (int r = 0; r < runs; r++) {
				Measured run = measured(load, "/webhooks/webex", seconds, started, r == runs - 1,
						recording == null ? null : recording + "-" + kind + ".jfr");
				CallLoad.Result result = run.result();
				rates[r] = result.perSecond();
				serverCpu[r] = run.serverMillisPerDelivery();
				results.add(result);
				System.out.printf("run %d             %,.0f deliveries/s, ack %s%n                  %s%n", r + 1, rates[r],
						result.latencies().summary(), run.cpu());
			}
			System.out.println("killed with kill -9 while posting; starting again on the same data to count");
			long[] found = IngestServer.countAfterRestart(database);
			report(kind, bare, rates, merged(results), load, found);
			Arrays.sort(serverCpu);
			Report.value("webhook-ingest", "server CPU per delivery, full call path (median of " + runs + " runs)", kind, "ms", serverCpu[runs / 2], null);
		}
		finally {
			if (server != null) {
				kill(server);
			}
			Files.deleteIfExists(numbersFile);
			database.drop();
		}
	}

	private static void report(String kind, double bare, double[] rates, Latencies ack, CallLoad load, long[] found) {
		Arrays.sort(rates);
		double median = rates[rates.length / 2];
		long acknowledged = load.acknowledged.get();
		long calls = load.callsAcknowledged.get();
		long ended = load.callsEnded.get();
		boolean durable = found[0] >= acknowledged && found[1] >= calls && found[2] >= ended;
		System.out.printf("webhook ingest    %,.0f deliveries/s (median of %d runs), %.2f of the bare endpoint%n", median, rates.length,
				median / bare);
		System.out.printf("acknowledgement   %s%n", ack.summary());
		System.out.printf("durability        acknowledged %,d deliveries / %,d calls / %,d ended; found after restart %,d / %,d / %,d: %s%n",
				acknowledged, calls, ended, found[0], found[1], found[2], durable ? "every acknowledged one stored"
						: "LOST " + Math.max(0, acknowledged - found[0]) + " acknowledged deliveries, " + Math.max(0, calls - found[1]) + " calls");
		String path = "full call path, linked agent, unique bodies";
		Report.value("webhook-ingest", "bare endpoint (reads the body, stores nothing)", kind, "deliveries/s", bare, null);
		Report.value("webhook-ingest", "deliveries/s, " + path + " (median of " + rates.length + " runs)", kind, "deliveries/s", median,
				"≥ 5,000");
		Report.latency("webhook-ingest", "acknowledgement time, " + path, kind, ack, null);
		Report.value("webhook-ingest", "deliveries acknowledged before kill -9", kind, "deliveries", acknowledged, null);
		Report.value("webhook-ingest", "deliveries found after restart", kind, "deliveries", found[0], "≥ acknowledged");
		Report.value("webhook-ingest", "calls acknowledged before kill -9", kind, "calls", calls, null);
		Report.value("webhook-ingest", "calls found after restart", kind, "calls", found[1], "≥ acknowledged");
	}

	private record Measured(CallLoad.Result result, String cpu, double serverMillisPerDelivery) {
	}

	/** One run with the CPU of client, server, PostgreSQL and machine taken at its deadline (before any kill). */
	private static Measured measured(CallLoad load, String path, int seconds, ServerProcess server, boolean killAtDeadline,
			String recording) throws Exception {
		CpuUse start = CpuUse.now(server.process());
		CpuUse[] end = new CpuUse[1];
		CallLoad.Result result = load.run(path, seconds, () -> {
			end[0] = CpuUse.now(server.process());
			if (killAtDeadline) {
				if (recording != null) {
					stopRecording(server, recording);
				}
				kill(server);
			}
		});
		return new Measured(result, end[0].since(start, result.deliveries(), "delivery"), end[0].serverMillisPerDelivery(start, result.deliveries()));
	}

	private static void stopRecording(ServerProcess server, String file) {
		try {
			server.jcmd("JFR.stop", "name=ingest", "filename=" + Path.of(file).toAbsolutePath());
			System.out.println("flight recording of the full-path runs: " + file);
		}
		catch (Exception e) {
			System.out.println("could not write the flight recording: " + e.getMessage());
		}
	}

	private static Latencies merged(List<CallLoad.Result> results) {
		int size = results.stream().mapToInt(r -> r.latencies().size()).sum();
		Latencies all = new Latencies(size);
		results.forEach(r -> r.latencies().addAllTo(all));
		return all;
	}

	private static void kill(ServerProcess server) {
		try {
			server.kill();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
