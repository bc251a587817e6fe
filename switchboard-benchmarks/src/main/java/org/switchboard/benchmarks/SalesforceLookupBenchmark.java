package org.switchboard.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.crm.CrmRecords;

/**
 * Phone lookup (the screen pop's CRM step), dialer type-ahead and name search through the Salesforce adapter
 * against the Salesforce double, the product started with {@code --switchboard.crm=salesforce} and the demo data
 * seeded into the double through the port. Prints p50/p99 per operation and, beside it, the mean time the double
 * itself spent answering (so the rest is the adapter, HTTP and JSON).
 */
final class SalesforceLookupBenchmark {

	private static final Map<String, Set<String>> PHONE_FIELDS = Map.of(
			"Contact", Set.of("Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone"),
			"Lead", Set.of("Phone", "MobilePhone"));

	private SalesforceLookupBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int lookups = options.integer("lookups", 2000);
		BenchDatabase database = BenchDatabase.create("h2");
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.NONE, Map.of("switchboard.crm", "salesforce",
				"switchboard.salesforce.sandbox.enabled", "true", "switchboard.salesforce.sandbox.port", "0", "switchboard.demo.enabled", "true"))) {
			RunningSalesforce org = context.getBean(RunningSalesforce.class);
			CrmRecords crm = context.getBean(CrmRecords.class);
			List<String> numbers = org.store().all("Contact").stream().map(c -> (String) c.get("Phone")).filter(Objects::nonNull).toList();
			List<String> names = org.store().all("Contact").stream().map(c -> (String) c.get("LastName")).filter(n -> n != null && n.length() >= 4)
				.map(n -> n.substring(0, 3)).distinct().toList();
			System.out.printf("%n== Salesforce adapter against the double: %,d Contacts, %,d Leads (stored as typed) ==%n",
					org.store().all("Contact").size(), org.store().all("Lead").size());
			measure(org, "phone lookup  ", lookups, i -> crm.findByPhone(numbers.get(i % numbers.size()), PHONE_FIELDS));
			measure(org, "type-ahead    ", lookups, i -> crm.find(i % 2 == 0 ? "Contact" : "Lead", names.get(i % names.size()), 8));
			measure(org, "name search   ", lookups, i -> crm.search("Contact", names.get(i % names.size()), 0, 20));
		}
		finally {
			database.drop();
		}
	}

	private static void measure(RunningSalesforce org, String label, int count, IntConsumer operation) {
		for (int i = 0; i < Math.min(count, 200); i++) {
			operation.accept(i * 7 + 3);
		}
		Latencies latencies = new Latencies(count);
		long doubleNanos = org.handlingNanos();
		long doubleRequests = org.requestsHandled();
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			operation.accept(i);
			latencies.add(System.nanoTime() - start);
		}
		long requests = org.requestsHandled() - doubleRequests;
		System.out.printf("%s %s | double: %.3f ms per operation (%.1f requests per operation)%n", label, latencies.summary(),
				(org.handlingNanos() - doubleNanos) / 1e6 / count, (double) requests / count);
	}
}
