package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.PhoneNormalizer;

/**
 * The screen pop end to end in Salesforce mode, beside the embedded store measured the same way in the same run:
 * signed inbound-call deliveries at a fixed rate to {@code /webhooks/webex}, latency until the agent's SSE stream
 * carries the call with its matched record. In Salesforce mode the caller is matched through the adapter (SOSL
 * {@code IN PHONE FIELDS}) against the double holding the demo data as typed; the double's own time per pop is
 * printed beside the figures, so the rest is ours. Both on the demo data (500 Contacts, 300 Leads), H2.
 */
final class SalesforceScreenPopBenchmark {

	private SalesforceScreenPopBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int rate = options.integer("rate", 20);
		int seconds = options.integer("seconds", 15);
		int runs = options.integer("runs", 3);
		System.out.printf("%n== screen pop at %d calls/s for %d s, %d runs, demo data: embedded store, then Salesforce (the double) ==%n",
				rate, seconds, runs);
		measure("embedded  ", Map.of(), rate, seconds, runs);
		measure("salesforce", Map.of("switchboard.crm", "salesforce", "switchboard.salesforce.sandbox.enabled", "true",
				"switchboard.salesforce.sandbox.port", "0", "switchboard.salesforce.sandbox.pubsub-port", "0"), rate, seconds, runs);
	}

	private static void measure(String mode, Map<String, Object> crm, int rate, int seconds, int runs) throws Exception {
		BenchDatabase database = BenchDatabase.create("h2");
		Map<String, Object> settings = new java.util.HashMap<>(crm);
		settings.putAll(Map.of("server.port", "0", "switchboard.demo.enabled", "true"));
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, settings)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			ScreenPopBenchmark.linkAgent(context, jdbc);
			Optional<RunningSalesforce> org = context.getBeanProvider(RunningSalesforce.class).stream().findFirst();
			List<String> numbers = org.map(SalesforceScreenPopBenchmark::storedNumbers).orElseGet(() -> ScreenPopBenchmark.callerNumbers(jdbc));
			new PopLoad(port, numbers).run(rate, 5, mode + " warm-up");
			List<Double> p50 = new ArrayList<>();
			List<Double> p99 = new ArrayList<>();
			for (int run = 1; run <= runs; run++) {
				long doubleNanos = org.map(RunningSalesforce::handlingNanos).orElse(0L);
				long doubleRequests = org.map(RunningSalesforce::requestsHandled).orElse(0L);
				Latencies latencies = new PopLoad(port, numbers).run(rate, seconds, mode + " run " + run).latencies();
				p50.add(latencies.percentileMillis(50));
				p99.add(latencies.percentileMillis(99));
				int pops = rate * seconds;
				org.ifPresent(o -> System.out.printf("%s        double: %.3f ms per pop (%.1f requests per pop)%n", mode,
						(o.handlingNanos() - doubleNanos) / 1e6 / pops, (double) (o.requestsHandled() - doubleRequests) / pops));
			}
			System.out.printf("%s median of %d runs: p50 %.3f ms  p99 %.3f ms%n", mode, runs, median(p50), median(p99));
		}
		finally {
			database.drop();
		}
	}

	/** The org's Contact and Lead numbers as stored (typed), in E.164 for the caller id: every call matches a record. */
	private static List<String> storedNumbers(RunningSalesforce org) {
		return java.util.stream.Stream.of("Contact", "Lead").flatMap(o -> org.store().all(o).stream())
			.map(r -> (String) r.get("Phone")).filter(Objects::nonNull)
			.flatMap(typed -> PhoneNormalizer.toE164(typed, "US").stream()).toList();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}
}
