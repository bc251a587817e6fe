package org.switchboard.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.ChangeStreamStatus;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.RecordChanged;
import org.switchboard.crm.salesforce.SalesforceSession;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.notifications.rules.RuleRequest;
import org.switchboard.notifications.rules.Rules;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexClient;

import dev.switchboard.salesforce.pubsub.PubSubDouble;
import dev.switchboard.salesforce.pubsub.RecordChange;

/**
 * Salesforce Change Data Capture: N stage changes published to the Pub/Sub double, measured from the first publish
 * until the server's subscriber has turned all of them into RecordChanged (gRPC stream, Avro decode with the
 * schema from GetSchema, bitmap decode, prior values from the last-known store, replay id stored per batch), and
 * until all are notification outbox rows (rule match, render with a current value read through the CRM port, row
 * written in the batch's transaction). The CRM behind the port is the embedded store; the dispatcher is off, so
 * Webex is excluded. The double's own cost of encoding and appending the events is printed beside.
 */
final class ChangeEventsBenchmark {

	private static final String ORG = "00D5g000004SBXAEA4";
	private static final String INSTANCE = "https://bench.my.salesforce.com";
	private static final String TOKEN = "00D5g000004SBXA!AQbench";
	private static final String COMMIT_USER = "005000000000BENAAA";
	private static final String MEMBER_TOKEN = "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	private static final String[] STAGES = { "Prospecting", "Qualification", "Needs Analysis", "Value Proposition" };

	private ChangeEventsBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int changes = options.integer("changes", 5000);
		int records = options.integer("records", 200);
		int runs = options.integer("runs", 3);
		int batch = options.integer("batch", 100);
		for (String kind : options.databases()) {
			run(kind, changes, records, runs, batch);
		}
	}

	private static void run(String kind, int changes, int records, int runs, int batch) throws Exception {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		BenchDatabase database = BenchDatabase.create(kind);
		int sandboxPort = NotificationsBenchmark.freePort();
		try (PubSubDouble bus = new PubSubDouble(0, INSTANCE, ORG, Math.max(100_000, 4 * changes * runs), java.time.Duration.ofSeconds(270)).start()) {
			bus.acceptToken(TOKEN);
			Map<String, Object> server = Map.ofEntries(Map.entry("server.port", "0"), Map.entry("switchboard.demo.enabled", "true"),
					Map.entry("switchboard.webex.sandbox.enabled", "true"), Map.entry("switchboard.webex.sandbox.port", sandboxPort),
					Map.entry("switchboard.webex.base-url", "http://localhost:" + sandboxPort + "/v1"),
					Map.entry("switchboard.notifications.dispatcher-enabled", "false"), Map.entry("switchboard.embedded.notifications", "false"),
					Map.entry("switchboard.salesforce.pubsub.enabled", "true"), Map.entry("switchboard.salesforce.pubsub.host", "127.0.0.1"),
					Map.entry("switchboard.salesforce.pubsub.port", bus.port()), Map.entry("switchboard.salesforce.pubsub.plaintext", "true"),
					Map.entry("switchboard.salesforce.pubsub.batch-size", batch));
			try (ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, server, Session.class)) {
				System.out.printf("%n== %s: %,d CDC stage changes over %,d Opportunities (half with a space), %d runs, num_requested %d ==%n",
						kind, changes, records, runs, batch);
				Fixture fixture = Fixture.create(context, records);
				Counter counter = context.getBean(Counter.class);
				ChangeStreamStatus status = context.getBean(ChangeStreamStatus.class);
				while (bus.subscribers() < 1 || !status.state().connected()) {
					Thread.sleep(50);
				}
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				double[] toEvent = new double[runs];
				double[] toOutbox = new double[runs];
				double[] publish = new double[runs];
				for (int run = 0; run < runs; run++) {
					long eventsBefore = counter.count.get();
					long rowsBefore = rows(jdbc);
					long started = System.nanoTime();
					for (int n = 0; n < changes; n++) {
						bus.publish(fixture.change(n));
					}
					publish[run] = changes / ((System.nanoTime() - started) / 1e9);
					long expectedRows = rowsBefore + fixture.withSpace(changes);
					while (counter.count.get() < eventsBefore + changes) {
						Thread.sleep(2);
					}
					toEvent[run] = changes / ((System.nanoTime() - started) / 1e9);
					while (rows(jdbc) < expectedRows) {
						Thread.sleep(2);
					}
					toOutbox[run] = changes / ((System.nanoTime() - started) / 1e9);
					System.out.printf("run %d        stream -> RecordChanged %,.0f changes/s; -> outbox committed %,.0f changes/s (double publishes %,.0f/s)%n",
							run + 1, toEvent[run], toOutbox[run], publish[run]);
				}
				System.out.printf("median       stream -> RecordChanged %,.0f changes/s; stream -> notification outbox %,.0f changes/s; the double alone %,.0f/s%n",
						NotificationsBenchmark.median(toEvent), NotificationsBenchmark.median(toOutbox),
						NotificationsBenchmark.median(publish));
				System.out.printf("check        %,d RecordChanged from the stream, %,d outbox rows, stored events %,d%n", counter.count.get(), rows(jdbc),
						status.state().eventsReceived());
			}
		}
		finally {
			database.drop();
		}
	}

	private static long rows(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_delivery").query(Long.class).single();
	}

	/**
	 * A connected org for the subscriber, and a counter of the RecordChanged events that came from the stream. Passed as a
	 * source to this benchmark's context only; not a scanned {@code @Configuration}, or every other benchmark's
	 * Salesforce-mode context would get a second {@link SalesforceSession} beside the real connection.
	 */
	static class Session {

		@Bean
		SalesforceSession benchSession() {
			return new SalesforceSession() {
				@Override
				public String instanceUrl() {
					return INSTANCE;
				}

				@Override
				public String accessToken() {
					return TOKEN;
				}

				@Override
				public String organizationId() {
					return ORG;
				}

				@Override
				public void refreshAfterUnauthenticated(String rejectedToken) {
					throw new IllegalStateException("The benchmark's token never expires");
				}

				@Override
				public boolean connected() {
					return true;
				}
			};
		}

		@Bean
		Counter streamCounter() {
			return new Counter();
		}
	}

	static class Counter {

		final AtomicLong count = new AtomicLong();

		@EventListener
		void on(RecordChanged change) {
			if (COMMIT_USER.equals(change.changedBy())) {
				count.incrementAndGet();
			}
		}
	}

	/** Opportunities in the CRM, the even ones with a Webex space; one rule tracking StageName with a prior value. */
	private record Fixture(List<String> opportunities, int[] stage) {

		static Fixture create(ConfigurableApplicationContext context, int count) throws InterruptedException {
			CrmRecords crm = context.getBean(CrmRecords.class);
			WebexClient webex = context.getBean(WebexClient.class);
			String adminId = crm.findByField("User", "Username", "admin@switchboard.test").get(0).id();
			String agentId = crm.findByField("User", "Username", "agent@switchboard.test").get(0).id();
			WebexAccounts accounts = context.getBean(WebexAccounts.class);
			while (accounts.forUser(agentId).isEmpty()) {
				Thread.sleep(100);
			}
			context.getBean(Rules.class).create(new RuleRequest("Stage changes", "Opportunity", List.of("StageName"),
					"Stage of [[Name]] is now [[StageName]] (was [[prior:StageName]])", true), "benchmark");
			TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
			List<String> opportunities = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String id = crm.create("Opportunity", Map.of("Name", "CDC deal " + i, "StageName", STAGES[0], "CloseDate", "2026-12-31"), adminId).id();
				if (i % 2 == 0) {
					String room = webex.createRoom(MEMBER_TOKEN, "CDC deal " + i).get("id").asString();
					transactions.executeWithoutResult(s -> context.publishEvent(new SpaceLinked(UUID.randomUUID().toString(), "Opportunity", id,
							room, "CDC deal", agentId, Instant.now())));
				}
				opportunities.add(id);
			}
			return new Fixture(opportunities, new int[count]);
		}

		/** Change n: the next stage of record n % count, as Salesforce would report it. */
		RecordChange change(int n) {
			int record = n % opportunities.size();
			stage[record]++;
			return new RecordChange("Opportunity", List.of(opportunities.get(record)), "UPDATE",
					Map.of("StageName", STAGES[stage[record] % STAGES.length]), List.of("StageName"), COMMIT_USER, System.currentTimeMillis(),
					UUID.randomUUID().toString());
		}

		/** How many of the first {@code changes} changes hit a record with a space (one outbox row each). */
		long withSpace(int changes) {
			long count = 0;
			for (int n = 0; n < changes; n++) {
				count += (n % opportunities.size()) % 2 == 0 ? 1 : 0;
			}
			return count;
		}
	}
}
