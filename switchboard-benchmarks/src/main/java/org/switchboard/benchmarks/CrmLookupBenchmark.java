package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecords;
import org.switchboard.demo.RecordGenerator;

/**
 * Phone lookup and name-prefix search over N generated Contacts+Leads, through the product's own
 * {@link CrmRecords} port, on H2 and PostgreSQL. Prints generation time, then p50/p99 per lookup.
 */
final class CrmLookupBenchmark {

	private static final Map<String, Set<String>> PHONE_FIELDS = Map.of(
			"Contact", Set.of("Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone"),
			"Lead", Set.of("Phone", "MobilePhone"));

	private CrmLookupBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int records = options.integer("records", 1_000_000);
		int lookups = options.integer("lookups", 20_000);
		boolean restart = options.flag("restart", true);
		boolean bulk = options.flag("bulk", true);
		for (String kind : options.databases()) {
			run(kind, records, lookups, restart, bulk);
		}
	}

	/** With {@code restart}, lookups run in a fresh server after the bulk load, as after a deployment. */
	private static void run(String kind, int records, int lookups, boolean restart, boolean bulk) throws Exception {
		BenchDatabase database = BenchDatabase.create(kind);
		try {
			// The bulk load's index builds log their times (ADR 0041).
			ConfigurableApplicationContext context = database.start(WebApplicationType.NONE,
					Map.of("logging.level.org.switchboard.crm.embedded.DeferredIndexes", "INFO"));
			System.out.printf("%n== %s: %,d Contacts+Leads ==%n", kind, records);
			long started = System.nanoTime();
			long threadCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			long processCpu = CpuUse.cpu(ProcessHandle.current());
			RecordGenerator generator = context.getBean(RecordGenerator.class);
			if (bulk) {
				generator.generate(records, 42, null, done -> { });
			}
			else {
				generator.generateInBatches(records, 42, null, done -> { });
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			double threadSeconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu) / 1e9;
			double processSeconds = (CpuUse.cpu(ProcessHandle.current()) - processCpu) / 1e9;
			System.out.printf("generate      %.1f s (%,d records/s)%s; CPU: loading thread %.1f s (%,d records per CPU second), process %.1f s%n",
					seconds, Math.round(records / seconds), bulk ? ", bulk load" : ", batches with their indexes", threadSeconds,
					Math.round(records / threadSeconds), processSeconds);
			Report.value("crm-lookup", "load " + String.format("%,d", records) + " Contacts+Leads", kind, "records/s", records / seconds,
					"≥ 10,000");
			context.getBean(JdbcClient.class).sql("ANALYZE").update();
			long open = database.sizeOnDisk(context.getBean(DataSource.class));
			System.out.printf("store size    %,d MB open%n", open >> 20);
			if (restart) {
				context.close();
				long size = kind.equals("h2") ? database.sizeOnDisk(null) : open;
				System.out.printf("store size    %,d MB%s%n", size >> 20, kind.equals("h2") ? " closed" : "");
				Report.value("crm-lookup", "store size at " + String.format("%,d", records) + " Contacts+Leads"
						+ (kind.equals("h2") ? ", closed" : ""), kind, "MB", size / 1048576.0, "≤ 2 GB at 1M");
				if (kind.equals("h2")) {
					long started2 = System.nanoTime();
					long compacted = database.compactH2();
					System.out.printf("store size    %,d MB after SHUTDOWN COMPACT (%.1f s)%n", compacted >> 20, (System.nanoTime() - started2) / 1e9);
					Report.value("crm-lookup", "store size at " + String.format("%,d", records) + " Contacts+Leads, compacted", kind,
							"MB", compacted / 1048576.0, "≤ 2 GB at 1M");
				}
				context = database.start(WebApplicationType.NONE, Map.of());
				System.out.println("(lookups in a restarted server)");
			}
			try (ConfigurableApplicationContext measured = context) {
				lookups(measured, lookups, kind);
			}
		}
		finally {
			database.drop();
		}
	}

	private static void lookups(ConfigurableApplicationContext context, int lookups, String kind) {
		CrmRecords crm = context.getBean(CrmRecords.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		List<String> numbers = typedVariants(jdbc.sql("SELECT e164 FROM crm_phone ORDER BY record_id LIMIT 200000")
			.query(String.class).list(), 2_000);
		List<String> prefixes = jdbc.sql("SELECT term FROM crm_search_term WHERE object_name = 'Contact' ORDER BY record_id LIMIT 50000")
			.query(String.class).list().stream().filter(t -> t.length() >= 4 && t.chars().allMatch(Character::isLetter))
			.map(t -> t.substring(0, 3 + (t.length() % 2))).distinct().toList();
		// Cold: the first lookups after the (re)start, before anything warmed the JIT or the caches.
		Latencies cold = new Latencies(Math.min(lookups, 2_000));
		for (int i = 0; i < Math.min(lookups, 2_000); i++) {
			long start = System.nanoTime();
			crm.findByPhone(numbers.get((i * 31 + 11) % numbers.size()), PHONE_FIELDS);
			cold.add(System.nanoTime() - start);
		}
		System.out.println("phone cold    " + cold.summary());
		Report.latency("crm-lookup", "phone lookup, first 2,000 after start (cold), 1 in 4 a miss", kind, cold, null);
		Report.latency("crm-lookup", "phone lookup, messy formats, 1 in 4 a miss", kind,
				measure("phone lookup ", lookups, i -> crm.findByPhone(numbers.get(i % numbers.size()), PHONE_FIELDS)), "p99 ≤ 2 ms");
		Report.latency("crm-lookup", "name-prefix search", kind,
				measure("name search  ", lookups, i -> crm.search(i % 2 == 0 ? "Contact" : "Lead", prefixes.get(i % prefixes.size()), 0, 20)),
				"≤ 10 ms");
	}

	private static Latencies measure(String label, int count, java.util.function.IntConsumer lookup) {
		for (int i = 0; i < Math.min(count, 5_000); i++) {
			lookup.accept(i * 7 + 3);
		}
		Latencies latencies = new Latencies(count);
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			lookup.accept(i);
			latencies.add(System.nanoTime() - start);
		}
		System.out.println(label + " " + latencies.summary());
		return latencies;
	}

	/**
	 * Stored numbers written back the many ways people type them (spaces, dots, dashes, brackets, 00 or + or a trunk
	 * 1, extensions), and one in four a number no record has, so lookups exercise normalisation and misses too.
	 */
	private static List<String> typedVariants(List<String> e164s, int count) {
		Random random = new Random(7);
		List<String> typed = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (i % 4 == 3) {
				typed.add(String.format("+1 (311) 555-%04d", random.nextInt(10_000)));
				continue;
			}
			String e164 = e164s.get(random.nextInt(e164s.size()));
			String digits = e164.substring(1);
			boolean nanp = e164.startsWith("+1") && e164.length() == 12;
			typed.add(switch (random.nextInt(6)) {
				case 0 -> nanp ? "(" + digits.substring(1, 4) + ") " + digits.substring(4, 7) + "-" + digits.substring(7) : "00" + digits;
				case 1 -> nanp ? digits.substring(1, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7) + " x" + random.nextInt(99)
						: "+" + digits.substring(0, 2) + " " + digits.substring(2);
				case 2 -> nanp ? "1-" + digits.substring(1, 4) + "-" + digits.substring(4, 7) + "-" + digits.substring(7) : "00 " + digits;
				case 3 -> "+" + digits.replaceAll("(\\d{3})", "$1 ").trim();
				case 4 -> nanp ? " " + digits.substring(1) + " ext. 7 " : "+" + digits + " ";
				default -> e164;
			});
		}
		return typed;
	}
}
