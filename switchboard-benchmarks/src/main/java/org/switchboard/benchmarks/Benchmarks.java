package org.switchboard.benchmarks;

import java.util.Arrays;

/** Entry point: {@code java -jar switchboard-benchmarks-exec.jar <benchmark> [options]}. */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String name = args.length == 0 ? "help" : args[0];
		String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		switch (name) {
			case "crm-lookup" -> CrmLookupBenchmark.main(rest);
			case "webhook-ingest" -> WebhookIngestBenchmark.main(rest);
			case "screen-pop" -> ScreenPopBenchmark.main(rest);
			case "notifications" -> NotificationsBenchmark.main(rest);
			case "meetings" -> MeetingsBenchmark.main(rest);
			case "screen-pop-replicas" -> ReplicasBenchmark.main(rest);
			case "webinar-import" -> WebinarImportBenchmark.main(rest);
			default -> System.out.println("""
					Usage: java -jar switchboard-benchmarks/target/switchboard-benchmarks-0.1.0-SNAPSHOT-exec.jar <benchmark> [options]
					  crm-lookup [--db=h2|postgres|both] [--records=1000000] [--lookups=20000] [--restart=true]
					      phone lookup and name-prefix search over generated Contacts+Leads
					  webhook-ingest [--db=h2|postgres|both] [--seconds=20] [--clients=32]
					      signed telephony_calls deliveries per second, all stored, vs a bare endpoint
					  screen-pop [--db=h2|postgres|both] [--records=1000000] [--rate=200] [--seconds=30]
					      webhook in to SSE call event out at a fixed call rate, then the dialer's type-ahead
					  notifications [--db=h2|postgres|both] [--changes=10000] [--records=1000] [--runs=3] [--threads=4]
					      tracked-field changes/s through the notification engine (Webex excluded), then the time
					      until all are delivered to the bundled sandbox
					  meetings [--db=h2|postgres|both] [--ended=200] [--meetings=2000] [--calls=50]
					      meetings webhook `ended` -> Event committed (p50/p99), then the calendar panel's answer time
					      with that many meetings in the window
					  screen-pop-replicas [--rate=100] [--seconds=20]
					      screen pops through HAProxy with one replica, then three, on PostgreSQL, side by side
					  webinar-import [--db=h2|postgres|both] [--registrants=100000]
					      a generated webinar's registrants into Leads with campaign members (all new, then all existing),
					      beside a plain JDBC batch insert of the same rows; H2 file size before and after""");
		}
	}
}
