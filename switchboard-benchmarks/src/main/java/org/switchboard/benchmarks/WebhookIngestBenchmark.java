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
 */
final class WebhookIngestBenchmark {

	private WebhookIngestBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int seconds = (int) options.duration("seconds", ChronoUnit.SECONDS, Duration.ofSeconds(20)).toSeconds();
		int clients = options.integer("clients", 32);
		int runs = options.integer("runs", 3);
		List<String> serverJvm = options.words("server-jvm");
		for (String kind : options.databases()) {
			run(kind, seconds, clients, runs, serverJvm);
		}
	}

	private static void run(String kind, int seconds, int clients, int runs, List<String> serverJvm) throws Exception {
		BenchDatabase database = BenchDatabase.create(kind);
		Path numbersFile = Files.createTempFile("caller-numbers", ".txt");
		IngestServer server = null;
		try {
			System.out.printf("%n== %s: webhook ingest, full call path, %d clients, %d runs of %d s, kill -9 at the end ==%n", kind,
					clients, runs, seconds);
			if (!serverJvm.isEmpty()) {
				System.out.println("server JVM flags  " + String.join(" ", serverJvm));
			}
			server = IngestServer.serve(database, numbersFile, serverJvm);
			IngestServer started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> kill(started)));
			CallLoad load = new CallLoad(server.port(), Files.readAllLines(numbersFile), clients);
			load.run("/webhooks/webex", 5, () -> { });
			double bare = load.run("/webhooks/bare", seconds, () -> { }).perSecond();
			System.out.printf("bare endpoint     %,.0f deliveries/s%n", bare);
			double[] rates = new double[runs];
			List<CallLoad.Result> results = new ArrayList<>();
			for (int r = 0; r < runs; r++) {
				Runnable atDeadline = r == runs - 1 ? () -> kill(started) : () -> { };
				CallLoad.Result result = load.run("/webhooks/webex", seconds, atDeadline);
				rates[r] = result.perSecond();
				results.add(result);
				System.out.printf("run %d             %,.0f deliveries/s, ack %s%n", r + 1, rates[r], result.latencies().summary());
			}
			System.out.println("killed with kill -9 while posting; starting again on the same data to count");
			long[] found = IngestServer.countAfterRestart(database);
			report(kind, bare, rates, merged(results), load, found);
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

	private static Latencies merged(List<CallLoad.Result> results) {
		int size = results.stream().mapToInt(r -> r.latencies().size()).sum();
		Latencies all = new Latencies(size);
		results.forEach(r -> r.latencies().addAllTo(all));
		return all;
	}

	private static void kill(IngestServer server) {
		try {
			server.kill();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
