package org.switchboard.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.calling.dialer.DialerSearch;
import org.switchboard.crm.PhoneNormalizer;
import org.switchboard.demo.RecordGenerator;

/**
 * The screen-pop benchmark's server, a {@link ServerProcess}: {@code screen-pop-server <kind> <records> <numbers file>
 * --setting=value…} starts the product on the database, tops it up to {@code records} Contacts+Leads, links the demo
 * agent, writes the stored numbers to the file and prints {@code READY <port>}. Then, on standard input:
 * <ul>
 * <li>{@code MARK}: remembers the server-side histogram's counts;</li>
 * <li>{@code SERVER-SIDE}: prints {@code SERVER-SIDE <p50> <p99> <n>} of the calls since the mark;</li>
 * <li>{@code TYPE-AHEAD <dir>}: runs the dialer's type-ahead in process, writes {@code names.txt} and
 * {@code digits.txt} (nanoseconds) into the directory and prints {@code TYPE-AHEAD done};</li>
 * <li>{@code EXIT}: stops the product and exits.</li>
 * </ul>
 */
final class ScreenPopServer {

	static final String ENTRY = "screen-pop-server";

	private ScreenPopServer() {
	}

	static void main(String[] args) throws Exception {
		Map<String, Object> settings = new HashMap<>(Options.parse(args).asMap());
		BenchDatabase database = new BenchDatabase(args[0], settings, () -> { });
		int records = Integer.parseInt(args[1]);
		Map<String, Object> server = Map.of("server.port", "0", "switchboard.demo.enabled", "true");
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, server)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			topUp(context, jdbc, records);
			if (jdbc.sql("SELECT COUNT(*) FROM webex_account WHERE person_id = ?").param(ScreenPopBenchmark.PERSON).query(Integer.class).single() == 0) {
				ScreenPopBenchmark.linkAgent(context, jdbc);
			}
			Files.write(Path.of(args[2]), ScreenPopBenchmark.callerNumbers(jdbc));
			System.out.println("READY " + ((WebServerApplicationContext) context).getWebServer().getPort());
			serve(context, jdbc);
		}
		System.exit(0);
	}

	private static void topUp(ConfigurableApplicationContext context, JdbcClient jdbc, int records) {
		int stored = jdbc.sql("SELECT COUNT(*) FROM crm_record WHERE object_name IN ('Contact', 'Lead')").query(Integer.class).single();
		if (stored < records) {
			long started = System.nanoTime();
			context.getBean(RecordGenerator.class).generate(records - stored, 42 + stored, null, done -> { });
			System.out.printf("generate      %.1f s (%,d records)%n", (System.nanoTime() - started) / 1e9, records - stored);
			jdbc.sql("ANALYZE").update();
		}
		else {
			System.out.printf("kept store    %,d Contacts+Leads already there%n", stored);
		}
	}

	private static void serve(ConfigurableApplicationContext context, JdbcClient jdbc) throws Exception {
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		CountAtBucket[] mark = new CountAtBucket[0];
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		for (String command = commands.readLine(); command != null && !command.equals("EXIT"); command = commands.readLine()) {
			if (command.equals("MARK")) {
				mark = buckets(meters);
			}
			else if (command.equals("SERVER-SIDE")) {
				System.out.println("SERVER-SIDE " + serverSide(mark, buckets(meters)));
			}
			else if (command.startsWith("TYPE-AHEAD ")) {
				typeAhead(context.getBean(DialerSearch.class), jdbc, Path.of(command.substring("TYPE-AHEAD ".length())));
				System.out.println("TYPE-AHEAD done");
			}
		}
	}

	/** The server's own screen-pop time: {@code switchboard.live.events.latency}, {@code event=call, cause=webhook}. */
	private static CountAtBucket[] buckets(MeterRegistry meters) {
		var timer = meters.find("switchboard.live.events.latency").tags("event", "call", "cause", "webhook").timer();
		return timer == null ? new CountAtBucket[0] : timer.takeSnapshot().histogramCounts();
	}

	/** "p50 p99 n" of the calls between the two snapshots, percentiles as bucket upper bounds in ms ("-" for none). */
	private static String serverSide(CountAtBucket[] before, CountAtBucket[] after) {
		double[] bounds = new double[after.length];
		double[] counts = new double[after.length];
		for (int i = 0; i < after.length; i++) {
			bounds[i] = after[i].bucket(TimeUnit.MILLISECONDS);
			counts[i] = after[i].count() - (i < before.length ? before[i].count() : 0);
		}
		double total = after.length == 0 ? 0 : counts[after.length - 1];
		return rank(bounds, counts, total * 0.5) + " " + rank(bounds, counts, total * 0.99) + " " + (long) total;
	}

	private static String rank(double[] bounds, double[] cumulative, double rank) {
		for (int i = 0; i < bounds.length; i++) {
			if (rank > 0 && cumulative[i] >= rank) {
				return Double.toString(bounds[i]);
			}
		}
		return "-";
	}

	private static void typeAhead(DialerSearch dialer, JdbcClient jdbc, Path dir) throws Exception {
		List<String> queries = new ArrayList<>();
		jdbc.sql("SELECT term FROM crm_search_term WHERE object_name = 'Contact' ORDER BY record_id LIMIT 20000").query(String.class).list()
			.stream().filter(t -> t.length() >= 4 && t.chars().allMatch(Character::isLetter)).distinct().limit(2_000)
			.forEach(t -> queries.add(t.substring(0, 3 + (t.length() % 2))));
		// Digits typed from the start of one of the number's groups (4-6 of them), as the dialer matches them (ADR 0032).
		jdbc.sql("SELECT e164 FROM crm_phone ORDER BY record_id LIMIT 2000").query(String.class).list()
			.forEach(e -> queries.add(fromAGroupStart(e)));
		java.util.Collections.shuffle(queries, new Random(5));
		for (int i = 0; i < 3_000; i++) {
			dialer.search(queries.get(i % queries.size()));
		}
		Latencies names = new Latencies(20_000);
		Latencies digits = new Latencies(20_000);
		CpuUse before = CpuUse.now(ProcessHandle.current());
		for (int i = 0; i < 20_000; i++) {
			String q = queries.get(i % queries.size());
			long start = System.nanoTime();
			dialer.search(q);
			(Character.isDigit(q.charAt(0)) ? digits : names).add(System.nanoTime() - start);
		}
		CpuUse after = CpuUse.now(ProcessHandle.current());
		System.out.printf("dialer CPU    server %.3f ms/search, PostgreSQL %.3f ms/search (20,000 searches, %.1f s)%n",
				(after.clientNanos() - before.clientNanos()) / 1e6 / 20_000, (after.postgresNanos() - before.postgresNanos()) / 1e6 / 20_000,
				(after.wallNanos() - before.wallNanos()) / 1e9);
		names.write(dir.resolve("names.txt"));
		digits.write(dir.resolve("digits.txt"));
	}

	/** 4-6 digits of {@code e164} starting where one of its groups starts (the last group that leaves at least 4 digits). */
	private static String fromAGroupStart(String e164) {
		String digits = e164.substring(1);
		List<String> groups = PhoneNormalizer.digitGroups(e164);
		int start = 0;
		int at = 0;
		for (String group : groups) {
			if (digits.length() - at >= 4) {
				start = at;
			}
			at += group.length();
		}
		return digits.substring(start, Math.min(digits.length(), start + 4 + (digits.length() % 3)));
	}
}
