package org.switchboard.benchmarks;

import java.util.Arrays;

/** Entry point: {@code java -jar switchboard-benchmarks-exec.jar <benchmark> [options]}. */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String name = args.length == 0 ? "help" : args[0];
		String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		String report = name.equals("all") ? null : Options.parse(rest).text("report", null);
		Report.command("java -jar switchboard-benchmarks/target/switchboard-benchmarks-0.1.0-SNAPSHOT-exec.jar " + String.join(" ", args));
		switch (name) {
			case "crm-lookup" -> CrmLookupBenchmark.main(rest);
			case "webhook-ingest" -> WebhookIngestBenchmark.main(rest);
			case "webhook-ingest-server" -> IngestServer.main(rest);
			case "screen-pop" -> ScreenPopBenchmark.main(rest);
			case ScreenPopServer.ENTRY -> ScreenPopServer.main(rest);
			case "notifications" -> NotificationsBenchmark.main(rest);
			case "meetings" -> MeetingsBenchmark.main(rest);
			case "screen-pop-replicas" -> ReplicasBenchmark.main(rest);
			case "salesforce-lookup" -> SalesforceLookupBenchmark.main(rest);
			case "salesforce-screen-pop" -> SalesforceScreenPopBenchmark.main(rest);
			case "change-events" -> ChangeEventsBenchmark.main(rest);
			case "salesforce-bulk" -> SalesforceBulkBenchmark.main(rest);
			case "all" -> AllBenchmarks.main(rest);
			case "webinar-import" -> WebinarImportBenchmark.main(rest);
			default -> System.out.println("""
					Usage: java -jar switchboard-benchmarks/target/switchboard-benchmarks-0.1.0-SNAPSHOT-exec.jar <benchmark> [options]
					  all [--scale=small|medium|full] [--db=h2|postgres|both] [--rounds=3]
					      every benchmark below at one scale (and scripts/lifecycle.sh), then one report in
					      switchboard-benchmarks/report/report.md and report.json
					  crm-lookup [--db=h2|postgres|both] [--records=1000000] [--lookups=20000] [--restart=true] [--bulk=true]
					      load rate and store size, then phone lookup (messy formats, 1 in 4 a miss, cold after the
					      restart and warm) and name-prefix search over generated Contacts+Leads; --bulk=false loads
					      in batches with every index kept up to date instead of as one bulk load (ADR 0041)
					  webhook-ingest [--db=h2|postgres|both] [--seconds=20] [--clients=32] [--runs=3] [--server-jvm="-XX:…"]
					      signed telephony_calls deliveries per second for a linked agent over the whole call path
					      (alerting, connected, disconnected; unique bodies), vs a bare endpoint; kill -9 of the
					      server at the end of the last run, then a restart counts acknowledged vs stored;
					      --server-jvm: flags for the server's JVM only (the clients' JVM is this one)
					  screen-pop [--db=h2|postgres|both] [--records=1000000] [--rate=200] [--seconds=30] [--keep=NAME]
					             [--warm-up=5s] [--pops=true] [--type-ahead=true] [--server-jvm="-XX:…"] [--jfr=FILE]
					      webhook in to SSE call event out at a fixed call rate, the server in its own JVM, with CPU
					      per pop of client, server and PostgreSQL; then the dialer's type-ahead; --keep: generate
					      once into a kept store and measure on it later; --jfr: flight recording of the measured run
					  notifications [--db=h2|postgres|both] [--changes=10000] [--records=1000] [--runs=3] [--threads=4] [--webex-latency-ms=0]
					      tracked-field changes/s through the notification engine (Webex excluded), then the time
					      until all are delivered to the bundled sandbox
					  meetings [--db=h2|postgres|both] [--ended=200] [--meetings=2000] [--calls=50]
					      meetings webhook `ended` -> Event committed (p50/p99), then the calendar panel's answer time
					      with that many meetings in the window
					  screen-pop-replicas [--rate=100] [--seconds=20]
					      screen pops through HAProxy with one replica, then three, on PostgreSQL, side by side
					  salesforce-lookup [--lookups=2000]
					      phone lookup, type-ahead and name search through the Salesforce adapter against the double,
					      with the double's own time per operation beside it
					  salesforce-screen-pop [--rate=20] [--seconds=15] [--runs=3]
					      webhook in to SSE call event out on the demo data, embedded store then Salesforce mode (the
					      double), median p50/p99 of the runs, with the double's own time per pop beside it
					  salesforce-bulk [--records=10000]
					      one createAll of that many Contacts through Collections, then through one Bulk API 2.0 job,
					      against the Salesforce double: wall time, API calls, the double's own time, and the ratio
					  change-events [--db=h2|postgres|both] [--changes=5000] [--records=200] [--runs=3] [--batch=100]
					      Salesforce CDC stage changes/s from the Pub/Sub double's stream to RecordChanged and to the
					      notification outbox (Webex excluded)
					  webinar-import [--db=h2|postgres|both] [--registrants=100000]
					      a generated webinar's registrants into Leads with campaign members (all new, then all existing),
					      beside a plain JDBC batch insert of the same rows; H2 file size before and after
					Any single benchmark with --report=DIR also writes its figures as report.md and report.json into DIR.""");
		}
		if (report != null) {
			System.out.println(Report.write(java.nio.file.Path.of(report), String.join(" ", args)));
		}
	}
}
