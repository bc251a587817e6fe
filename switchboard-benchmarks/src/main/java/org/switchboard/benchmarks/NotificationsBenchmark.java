package org.switchboard.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.notifications.bot.NotificationBot;
import org.switchboard.notifications.delivery.Dispatcher;
import org.switchboard.notifications.rules.RuleRequest;
import org.switchboard.notifications.rules.Rules;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexClient;

/**
 * Space notifications: N tracked-field changes (StageName of Opportunities that each have a Webex space) through
 * the engine with the dispatcher stopped (Webex excluded): rule match, render with a relationship path and a
 * prior value, outbox write. Measured two ways: through the CRM (each change a real update in its own
 * transaction, so the figure includes the CRM write) and the engine alone (RecordChanged published in a
 * transaction per change). Then the dispatcher starts and the time until every row is sent to the bundled
 * sandbox over HTTP is taken; finally the bot's messages are counted in the sandbox rooms. CRM updates of an
 * untracked field give the CRM's own cost for comparison.
 */
final class NotificationsBenchmark {

	private static final int BATCH = 100;
	private static final String MEMBER_TOKEN = "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	private static final String[] STAGES = { "Prospecting", "Qualification", "Needs Analysis", "Value Proposition" };
	private static final String TEMPLATE = "Stage of [[Name]] is now [[StageName]] (was [[prior:StageName]]; owner profile [[Owner.Profile.Name]])";

	private NotificationsBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int changes = options.integer("changes", 10_000);
		int records = options.integer("records", 1000);
		int runs = options.integer("runs", 3);
		int threads = options.integer("threads", 4);
		int latency = (int) options.duration("webex-latency-ms", ChronoUnit.MILLIS, Duration.ZERO).toMillis();
		for (String kind : options.databases()) {
			run(kind, changes, records, runs, threads, latency);
		}
	}

	/** With {@code latency} > 0 every Webex call goes through {@link SlowWebex}, answering that many ms later. */
	private static void run(String kind, int changes, int records, int runs, int threads, int latency) throws Exception {
		// The sandbox is the JDK's HttpServer, which without this leaves Nagle's algorithm on: each answer then
		// waits ~40 ms for the client's delayed ACK, which measures TCP timers rather than the dispatcher.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		BenchDatabase database = BenchDatabase.create(kind);
		int sandboxPort = freePort();
		int webexPort = latency > 0 ? freePort() : sandboxPort;
		SlowWebex slow = latency > 0 ? SlowWebex.start(webexPort, sandboxPort, latency) : null;
		Map<String, Object> server = Map.of("server.port", "0", "switchboard.demo.enabled", "true",
				"switchboard.webex.sandbox.enabled", "true", "switchboard.webex.sandbox.port", sandboxPort,
				"switchboard.webex.base-url", "http://localhost:" + webexPort + "/v1",
				"switchboard.notifications.dispatcher-enabled", "false",
				// The embedded default's example rule would double every message; the benchmark brings its own rule.
				"switchboard.embedded.notifications", "false");
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, server)) {
			System.out.printf("%n== %s: %,d tracked-field changes over %,d Opportunities with a space, %d runs, %d writer threads, Webex answering %d ms later ==%n",
					kind, changes, records, runs, threads, latency);
			Fixture fixture = Fixture.create(context, records);
			Dispatcher dispatcher = context.getBean(Dispatcher.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			fixture.joinAllSpaces(dispatcher, jdbc);

			double[] crmAlone = new double[runs];
			double[] throughCrm = new double[runs];
			double[] engineAlone = new double[runs];
			double[] engineBatched = new double[runs];
			double[] delivery = new double[2 * runs];
			for (int run = 0; run < runs; run++) {
				crmAlone[run] = rate(changes, threads, fixture::updateUntrackedField);
				throughCrm[run] = rate(changes, threads, fixture::updateThroughCrm);
				delivery[2 * run] = deliver(dispatcher, jdbc, changes);
				engineAlone[run] = rate(changes, threads, fixture::publishChange);
				engineBatched[run] = rate(changes / BATCH, threads, fixture::publishBatch) * BATCH;
				delivery[2 * run + 1] = deliver(dispatcher, jdbc, 2 * changes);
				System.out.printf("run %d        engine alone %,.0f changes/s (%,.0f/s batched); CRM updates untracked %,.0f/s, tracked %,.0f/s; delivered %,d in %.2f s, then %,d in %.2f s%n",
						run + 1, engineAlone[run], engineBatched[run], crmAlone[run], throughCrm[run], changes, delivery[2 * run], 2 * changes, delivery[2 * run + 1]);
			}
			long sent = jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE status = 'sent'").query(Long.class).single();
			long inRooms = fixture.botMessagesInRooms();
			System.out.printf("engine alone median %,.0f changes/s (rule match + render + outbox row, one transaction each)%n", median(engineAlone));
			System.out.printf("CRM update   median %,.0f/s of an untracked field (no notification), %,.0f/s of the tracked field (CRM write + engine)%n",
					median(crmAlone), median(throughCrm));
			System.out.printf("engine batch median %,.0f changes/s (the same, %d changes per transaction, as a batch write publishes them)%n",
					median(engineBatched), BATCH);
			double[] first = new double[runs];
			for (int run = 0; run < runs; run++) {
				first[run] = delivery[2 * run];
			}
			System.out.printf("delivery     median %.2f s until all %,d messages of a run were sent to the sandbox over HTTP (%,.0f/s)%n",
					median(first), changes, changes / median(first));
			System.out.printf("check        %,d rows sent, %,d bot messages in the rooms, %,d expected%n", sent, inRooms, 3L * runs * changes);
			Report.value("notifications", "engine alone (median of runs)", kind, "changes/s", median(engineAlone), null);
			Report.value("notifications", "tracked-field CRM updates (median)", kind, "changes/s", median(throughCrm), null);
			Report.value("notifications", "delivered to the sandbox, Webex answering " + latency + " ms later (median)", kind,
					"messages/s", changes / median(first), null);
		}
		finally {
			database.drop();
			if (slow != null) {
				slow.close();
			}
		}
	}

	/** Changes per second with {@code threads} writers, each change one call. */
	private static double rate(int changes, int threads, IntConsumer change) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		List<Future<?>> writers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			writers.add(pool.submit(() -> {
				for (int n = next.getAndIncrement(); n < changes; n = next.getAndIncrement()) {
					change.accept(n);
				}
			}));
		}
		for (Future<?> writer : writers) {
			writer.get();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		return changes / seconds;
	}

	/** Starts the dispatcher and waits until nothing is pending; returns the seconds that took. */
	private static double deliver(Dispatcher dispatcher, JdbcClient jdbc, int expected) throws InterruptedException {
		long pendingBefore = pending(jdbc);
		if (pendingBefore < expected) {
			throw new IllegalStateException("Expected " + expected + " pending deliveries, found " + pendingBefore);
		}
		long started = System.nanoTime();
		dispatcher.start();
		while (pending(jdbc) > 0) {
			Thread.sleep(20);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		dispatcher.stop();
		long failed = jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE status = 'failed'").query(Long.class).single();
		if (failed > 0) {
			throw new IllegalStateException(failed + " deliveries failed");
		}
		return seconds;
	}

	private static long pending(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE status = 'pending'").query(Long.class).single();
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Opportunities with a space each, the bot, one rule; and the two ways of changing a record's stage. */
	private record Fixture(CrmRecords crm, TransactionTemplate transactions, ConfigurableApplicationContext context, WebexClient webex,
			String adminId, List<String> opportunities, List<String> rooms, int[] stage) {

		static Fixture create(ConfigurableApplicationContext context, int count) throws InterruptedException {
			CrmRecords crm = context.getBean(CrmRecords.class);
			WebexClient webex = context.getBean(WebexClient.class);
			String adminId = crm.findByField("User", "Username", "admin@switchboard.test").get(0).id();
			String agentId = crm.findByField("User", "Username", "agent@switchboard.test").get(0).id();
			WebexAccounts accounts = context.getBean(WebexAccounts.class);
			while (accounts.forUser(agentId).isEmpty()) {
				Thread.sleep(100);
			}
			context.getBean(NotificationBot.class).register("c2FuZGJveC10b2tlbi1ib3Q_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "benchmark");
			context.getBean(Rules.class).create(new RuleRequest("Stage changes", "Opportunity", List.of("StageName"), TEMPLATE, true), "benchmark");
			TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
			List<String> opportunities = new ArrayList<>();
			List<String> rooms = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String id = crm.create("Opportunity", Map.of("Name", "Bench deal " + i, "StageName", STAGES[0], "CloseDate", "2026-12-31"),
						adminId).id();
				String room = webex.createRoom(MEMBER_TOKEN, "Bench deal " + i).get("id").asString();
				transactions.executeWithoutResult(s -> context.publishEvent(new SpaceLinked(UUID.randomUUID().toString(), "Opportunity", id,
						room, "Bench deal", agentId, Instant.now())));
				opportunities.add(id);
				rooms.add(room);
			}
			return new Fixture(crm, transactions, context, webex, adminId, opportunities, rooms, new int[count]);
		}

		/** The bot joins every space before measuring (in production it joins when the space is linked). */
		void joinAllSpaces(Dispatcher dispatcher, JdbcClient jdbc) throws InterruptedException {
			long started = System.nanoTime();
			dispatcher.start();
			while (jdbc.sql("SELECT COUNT(*) FROM notification_space WHERE bot_state <> 'joined'").query(Long.class).single() > 0) {
				Thread.sleep(50);
			}
			dispatcher.stop();
			System.out.printf("setup        bot joined %,d spaces in %.2f s%n", rooms.size(), (System.nanoTime() - started) / 1e9);
		}

		/** A real CRM update of change n's record: the engine runs inside it. */
		void updateThroughCrm(int n) {
			int record = n % opportunities.size();
			String[] values = nextStage(record);
			crm.update("Opportunity", opportunities.get(record), Map.of("StageName", values[1]), adminId);
		}

		/** A CRM update no rule tracks: the CRM's own cost, for comparison. */
		void updateUntrackedField(int n) {
			int record = n % opportunities.size();
			crm.update("Opportunity", opportunities.get(record), Map.of("NextStep", "Call back " + n), adminId);
		}

		/** The same kind of change handed to the engine directly, without the CRM write. */
		void publishChange(int n) {
			int record = n % opportunities.size();
			String[] values = nextStage(record);
			RecordChanged change = new RecordChanged("Opportunity", opportunities.get(record), RecordChanged.Kind.UPDATED,
					Map.of("StageName", new FieldChange(values[0], values[1])), adminId, Instant.now());
			transactions.executeWithoutResult(s -> context.publishEvent(change));
		}

		/** {@link #BATCH} such changes in one transaction, as a batch write or import publishes them. */
		void publishBatch(int batch) {
			transactions.executeWithoutResult(s -> {
				for (int i = 0; i < BATCH; i++) {
					int record = (batch * BATCH + i) % opportunities.size();
					String[] values = nextStage(record);
					context.publishEvent(new RecordChanged("Opportunity", opportunities.get(record), RecordChanged.Kind.UPDATED,
							Map.of("StageName", new FieldChange(values[0], values[1])), adminId, Instant.now()));
				}
			});
		}

		/** Old and new stage of a record; each record's changes are made by one writer at a time in practice. */
		private String[] nextStage(int record) {
			synchronized (stage) {
				String old = STAGES[stage[record] % STAGES.length];
				stage[record]++;
				return new String[] { old, STAGES[stage[record] % STAGES.length] };
			}
		}

		long botMessagesInRooms() {
			return rooms.stream().mapToLong(room -> webex.allMessages(MEMBER_TOKEN, room).stream()
				.filter(m -> "switchboard-bot@webex.bot".equals(m.personEmail())).count()).sum();
		}
	}
}
