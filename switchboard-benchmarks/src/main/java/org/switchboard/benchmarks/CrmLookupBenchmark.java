package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
		Map<String, String> options = Options.parse(args);
		int records = Integer.parseInt(options.getOrDefault("records", "1000000"));
		int lookups = Integer.parseInt(options.getOrDefault("lookups", "20000"));
		boolean restart = Boolean.parseBoolean(options.getOrDefault("restart", "false"));
		for (String kind : Options.databases(options)) {
			run(kind, records, lookups, restart);
		}
	}

	/** With {@code restart}, lookups run in a fresh server after the bulk load, as after a deployment. */
	private static void run(String kind, int records, int lookups, boolean restart) throws Exception {
		BenchDatabase database = BenchDatabase.create(kind);
		try {
			ConfigurableApplicationContext context = database.start(WebApplicationType.NONE, Map.of());
			System.out.printf("%n== %s: %,d Contacts+Leads ==%n", kind, records);
			long started = System.nanoTime();
			context.getBean(RecordGenerator.class).generate(records, 42, null, done -> { });
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("generate      %.1f s (%,d records/s)%n", seconds, Math.round(records / seconds));
			context.getBean(JdbcClient.class).sql("ANALYZE").update();
			if (restart) {
				context.close();
				context = database.start(WebApplicationType.NONE, Map.of());
				System.out.println("(lookups in a restarted server)");
			}
			try (ConfigurableApplicationContext measured = context) {
				lookups(measured, lookups);
			}
		}
		finally {
			database.drop();
		}
	}

	private static void lookups(ConfigurableApplicationContext context, int lookups) {
		CrmRecords crm = context.getBean(CrmRecords.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		List<String> numbers = typedVariants(jdbc.sql("SELECT e164 FROM crm_phone ORDER BY record_id LIMIT 200000")
			.query(String.class).list(), 2_000);
		List<String> prefixes = jdbc.sql("SELECT term FROM crm_search_term WHERE object_name = 'Contact' ORDER BY record_id LIMIT 50000")
			.query(String.class).list().stream().filter(t -> t.length() >= 4 && t.chars().allMatch(Character::isLetter))
			.map(t -> t.substring(0, 3 + (t.length() % 2))).distinct().toList();
		measure("phone lookup ", lookups, i -> crm.findByPhone(numbers.get(i % numbers.size()), PHONE_FIELDS));
		measure("name search  ", lookups, i -> crm.search(i % 2 == 0 ? "Contact" : "Lead", prefixes.get(i % prefixes.size()), 0, 20));
	}

	private static void measure(String label, int count, java.util.function.IntConsumer lookup) {
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
	}

	/** Stored numbers written back the way people type them, so lookups exercise normalisation too. */
	private static List<String> typedVariants(List<String> e164s, int count) {
		Random random = new Random(7);
		List<String> typed = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String e164 = e164s.get(random.nextInt(e164s.size()));
			typed.add(e164.startsWith("+1") && e164.length() == 12 ? "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8)
					+ "-" + e164.substring(8) : "00" + e164.substring(1));
		}
		return typed;
	}
}
