package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.crm.CrmRecords;

/**
 * One {@code createAll} of N Contacts through the Salesforce adapter against the double, once through sObject
 * Collections (200 a call) and once through one Bulk API 2.0 job (ADR 0027), each in a fresh product context with
 * the product's own settings (first poll 500 ms). Prints wall time, API calls and the double's own handling time.
 */
final class SalesforceBulkBenchmark {

	private SalesforceBulkBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int records = options.integer("records", 10000);
		System.out.printf("%n== %,d Contacts in one createAll through the Salesforce adapter against the double ==%n", records);
		long collections = run("Collections", records, Integer.MAX_VALUE);
		long bulk = run("Bulk API 2.0", records, 1);
		System.out.printf("Bulk / Collections wall time: %.2f%n", (double) bulk / collections);
	}

	private static long run(String label, int count, int threshold) throws Exception {
		BenchDatabase database = BenchDatabase.create("h2");
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.NONE, Map.of("switchboard.crm", "salesforce",
				"switchboard.salesforce.sandbox.enabled", "true", "switchboard.salesforce.sandbox.port", "0", "switchboard.demo.enabled", "false",
				"switchboard.salesforce.bulk.threshold", String.valueOf(threshold)))) {
			RunningSalesforce org = context.getBean(RunningSalesforce.class);
			CrmRecords crm = context.getBean(CrmRecords.class);
			crm.createAll("Contact", rows("Warm", 5), null);
			List<Map<String, Object>> rows = rows(label.replaceAll("\\W", ""), count);
			int calls = org.apiRequestsUsed();
			long handling = org.handlingNanos();
			long start = System.nanoTime();
			List<String> ids = crm.createAll("Contact", rows, null);
			long took = System.nanoTime() - start;
			if (ids.size() != count) {
				throw new IllegalStateException(label + " created " + ids.size() + " of " + count);
			}
			System.out.printf("%-13s %,8.0f ms  %,5d API calls  double's own handling %,8.0f ms%n", label, took / 1e6,
					org.apiRequestsUsed() - calls, (org.handlingNanos() - handling) / 1e6);
			return took;
		}
		finally {
			database.drop();
		}
	}

	private static List<Map<String, Object>> rows(String prefix, int count) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(Map.of("FirstName", "Ann", "LastName", prefix + i, "Email", prefix.toLowerCase() + i + "@bench.example", "Phone", "+1 415 555 " + (1000 + i % 9000)));
		}
		return rows;
	}
}
