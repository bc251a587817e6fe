package org.switchboard.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.calling.dialer.DialerSearch;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.PhoneNormalizer;
import org.switchboard.demo.RecordGenerator;
import org.switchboard.platform.secrets.Secrets;

/**
 * Screen-pop latency: signed inbound-call deliveries posted at a fixed rate (open loop) to {@code /webhooks/webex}
 * of a server holding N Contacts+Leads; the agent's SSE stream ({@code /api/calling/events}) is read as a browser
 * would. Latency runs from just before the POST is sent to the moment its {@code call} event is read, so it is an
 * upper bound of the server's own webhook-in to event-out time. A warm-up of 5 s each at a quarter, half and the
 * whole rate comes first. Then the dialer's type-ahead, in process ({@code --pops=false}: the type-ahead only,
 * {@code --type-ahead-rounds=N} times in the same process).
 */
final class ScreenPopBenchmark {

	static final String SECRET = "screen-pop-secret";
	static final String PERSON = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iZW5jaC1hZ2VudA";
	static final String WEBHOOK_ID = "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svc2NyZWVuLXBvcA";
	private static final Pattern CALLER = Pattern.compile("\"remoteName\":\"Caller (\\d+)\"");

	private ScreenPopBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int records = options.integer("records", 1_000_000);
		int rate = options.integer("rate", 200);
		int seconds = (int) options.duration("seconds", ChronoUnit.SECONDS, Duration.ofSeconds(30)).toSeconds();
		String keep = options.text("keep", null);
		Parts parts = new Parts(options.flag("pops", true), options.integer("type-ahead-rounds", 1), options.text("type-ahead-results", null));
		for (String kind : options.databases()) {
			run(keep == null ? BenchDatabase.create(kind) : BenchDatabase.kept(kind, keep), records, rate, seconds, parts);
		}
	}

	/**
	 * Whether the screen pops run, how many rounds of the type-ahead follow them, and a file to write every type-ahead
	 * query's results to (to compare two builds' answers), or null.
	 */
	private record Parts(boolean pops, int typeAheadRounds, String typeAheadResults) {
	}

	/** With {@code --keep=NAME} the records are generated once into a kept store and later runs measure on it. */
	private static void run(BenchDatabase database, int records, int rate, int seconds, Parts parts) throws Exception {
		String kind = database.kind();
		Map<String, Object> server = Map.of("server.port", "0", "switchboard.demo.enabled", "true");
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, server)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			System.out.printf("%n== %s: screen pop at %d calls/s for %d s over %,d Contacts+Leads ==%n", kind, rate, seconds, records);
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
			if (jdbc.sql("SELECT COUNT(*) FROM webex_account WHERE person_id = ?").param(PERSON).query(Integer.class).single() == 0) {
				linkAgent(context, jdbc);
			}
			if (parts.pops()) {
				screenPops(context, kind, port, records, rate, seconds);
			}
			for (int round = 0; round < parts.typeAheadRounds(); round++) {
				typeAhead(context, jdbc, kind);
			}
			if (parts.typeAheadResults() != null) {
				writeTypeAheadResults(context, jdbc, java.nio.file.Path.of(parts.typeAheadResults()));
			}
		}
		finally {
			database.drop();
		}
	}

	private static void screenPops(ConfigurableApplicationContext context, String kind, int port, int records, int rate,
			int seconds) throws Exception {
		List<String> numbers = callerNumbers(context.getBean(JdbcClient.class));
		// Ramped, as a server meets traffic after a start: the full rate on a cold JVM and cold caches builds a
		// backlog on the connection pool that the measured run would then inherit.
		for (int step : new int[] { Math.max(1, rate / 4), Math.max(1, rate / 2), rate }) {
			screenPops(port, numbers, step, 5, String.format("warm-up %3d/s", step));
		}
		ServerSide serverSide = new ServerSide(context.getBean(io.micrometer.core.instrument.MeterRegistry.class));
		Report.latency("screen-pop", String.format("client side at %d calls/s, %,d records", rate, records), kind,
				screenPopLatencies(port, numbers, rate, seconds, "screen pop   "), "p99 ≤ 10 ms");
		serverSide.report(kind, String.format("server side (webhook in → SSE written) at %d calls/s, %,d records", rate, records));
	}

	static void linkAgent(ConfigurableApplicationContext context, JdbcClient jdbc) {
		String agent = context.getBean(CrmRecords.class).findByField("User", "Username", "agent@switchboard.test").get(0).id();
		Secrets secrets = context.getBean(Secrets.class);
		jdbc.sql("INSERT INTO webex_account (user_id, person_id, email, display_name, token_encrypted, linked_date) VALUES (?, ?, ?, ?, ?, ?)")
			.params(agent, PERSON, "agent@switchboard.test", "Agent", secrets.encrypt("unused"), OffsetDateTime.now()).update();
		jdbc.sql("INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date) VALUES (?, 'bench', 'telephony_calls', 'all', 'x', ?, ?, ?)")
			.params(WEBHOOK_ID, secrets.encrypt(SECRET), PERSON, OffsetDateTime.now()).update();
	}

	/** Stored numbers, written the way a caller id shows them, so that every call matches a record. */
	static List<String> callerNumbers(JdbcClient jdbc) {
		return jdbc.sql("SELECT e164 FROM crm_phone WHERE object_name IN ('Contact', 'Lead') ORDER BY record_id LIMIT 100000")
			.query(String.class).list();
	}

	/** Runs the calls and prints one line; returns it (p50/p99/max, popped, pops per second). */
	static String screenPops(int port, List<String> numbers, int rate, int seconds, String label) throws Exception {
		return run(port, numbers, rate, seconds, label).summary;
	}

	static Latencies screenPopLatencies(int port, List<String> numbers, int rate, int seconds, String label) throws Exception {
		return run(port, numbers, rate, seconds, label).latencies;
	}

	private record Run(String summary, Latencies latencies) {
	}

	private static Run run(int port, List<String> numbers, int rate, int seconds, String label) throws Exception {
		int calls = rate * seconds;
		long[] sent = new long[calls];
		Latencies latencies = new Latencies(calls);
		Map<Integer, Boolean> seen = new ConcurrentHashMap<>();
		AtomicInteger matched = new AtomicInteger();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (AutoCloseable stream = openStream(http, port, line -> {
			Matcher m = CALLER.matcher(line);
			if (m.find()) {
				int n = Integer.parseInt(m.group(1));
				if (n < calls && sent[n] != 0 && seen.putIfAbsent(n, true) == null) {
					synchronized (latencies) {
						latencies.add(System.nanoTime() - sent[n]);
					}
					if (!line.contains("\"matches\":[]")) {
						matched.incrementAndGet();
					}
				}
			}
		})) {
			Thread.sleep(500);
			String run = Long.toString(System.nanoTime(), 36);
			Random random = new Random(11);
			ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
			AtomicInteger next = new AtomicInteger();
			long periodNanos = 1_000_000_000L / rate;
			clock.scheduleAtFixedRate(() -> {
				int n = next.getAndIncrement();
				if (n >= calls) {
					return;
				}
				byte[] body = delivery(run, n, asCallerId(numbers.get(random.nextInt(numbers.size())), n));
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/webex"))
					.header("Content-Type", "application/json").header("X-Spark-Signature", sign(body))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
				sent[n] = System.nanoTime();
				http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
			}, 0, periodNanos, TimeUnit.NANOSECONDS);
			long deadline = System.nanoTime() + (seconds + 15) * 1_000_000_000L;
			while (seen.size() < calls && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			clock.shutdownNow();
		}
		double elapsed = (System.nanoTime() - firstSent(sent)) / 1e9;
		String result = String.format("%s %s, %d of %d popped, %d matched a record, %.1f pops/s", label, latencies.summary(),
				seen.size(), calls, matched.get(), seen.size() / Math.max(elapsed, 1e-9));
		System.out.println(result);
		return new Run(result, latencies);
	}

	private static long firstSent(long[] sent) {
		return sent.length == 0 || sent[0] == 0 ? System.nanoTime() : sent[0];
	}

	private static AutoCloseable openStream(HttpClient http, int port, java.util.function.Consumer<String> onLine) {
		String credentials = Base64.getEncoder().encodeToString("agent@switchboard.test:switchboard".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/calling/events"))
			.header("Accept", "text/event-stream").header("Authorization", "Basic " + credentials).build();
		var response = http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(String line) {
				onLine.accept(line);
			}

			@Override
			public void onError(Throwable throwable) {
			}

			@Override
			public void onComplete() {
			}
		}));
		return () -> response.cancel(true);
	}

	/** One line per type-ahead query: the query, then each result's object, id and matched phone field, in order. */
	private static void writeTypeAheadResults(ConfigurableApplicationContext context, JdbcClient jdbc, java.nio.file.Path file)
			throws java.io.IOException {
		DialerSearch dialer = context.getBean(DialerSearch.class);
		List<String> lines = typeAheadQueries(jdbc).stream().distinct().sorted().map(q -> q + "\t" + String.join(" ",
				dialer.search(q).stream().map(r -> r.object() + ":" + r.id() + ":" + r.phoneField()).toList())).toList();
		java.nio.file.Files.write(file, lines);
		System.out.printf("type-ahead    results of %,d queries written to %s%n", lines.size(), file);
	}

	private static void typeAhead(ConfigurableApplicationContext context, JdbcClient jdbc, String kind) {
		DialerSearch dialer = context.getBean(DialerSearch.class);
		List<String> queries = typeAheadQueries(jdbc);
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
		System.out.println("dialer name  " + names.summary());
		System.out.println("dialer digits " + digits.summary());
		System.out.printf("dialer CPU    this JVM %.3f ms/search, PostgreSQL %.3f ms/search (20,000 searches, %.1f s)%n",
				(after.clientNanos() - before.clientNanos()) / 1e6 / 20_000, (after.postgresNanos() - before.postgresNanos()) / 1e6 / 20_000,
				(after.wallNanos() - before.wallNanos()) / 1e9);
		Report.latency("screen-pop", "dialer type-ahead by name", kind, names, "p99 ≤ 2 ms");
		Report.latency("screen-pop", "dialer type-ahead by digits from the start of a group of the number", kind, digits, "p99 ≤ 2 ms");
	}

	/** Up to 2,000 name prefixes of 3-4 letters of Contacts' terms and 2,000 digit queries from stored numbers. */
	private static List<String> typeAheadQueries(JdbcClient jdbc) {
		List<String> queries = new ArrayList<>();
		jdbc.sql("SELECT term FROM crm_search_term WHERE object_name = 'Contact' ORDER BY record_id LIMIT 20000").query(String.class).list()
			.stream().filter(t -> t.length() >= 4 && t.chars().allMatch(Character::isLetter)).distinct().limit(2_000)
			.forEach(t -> queries.add(t.substring(0, 3 + (t.length() % 2))));
		// Digits typed from the start of one of the number's groups (4-6 of them), as the dialer matches them (ADR 0032).
		jdbc.sql("SELECT e164 FROM crm_phone ORDER BY record_id LIMIT 2000").query(String.class).list()
			.forEach(e -> queries.add(fromAGroupStart(e)));
		return queries;
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

	/** Caller ids as phone systems pass them on: E.164, national with a trunk 1, 00-international, spaced. */
	static String asCallerId(String e164, int n) {
		boolean nanp = e164.startsWith("+1") && e164.length() == 12;
		return switch (n % 4) {
			case 0 -> e164;
			case 1 -> nanp ? e164.substring(1) : "00" + e164.substring(1);
			case 2 -> nanp ? "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8) : e164.replaceAll("(\\d{3})", "$1 ").trim();
			default -> "00" + e164.substring(1);
		};
	}

	/**
	 * The server's own screen-pop time, from its {@code switchboard.live.events.latency} histogram
	 * ({@code event=call, cause=webhook}): counts of this run only, percentiles as bucket upper bounds.
	 */
	static final class ServerSide {

		private final io.micrometer.core.instrument.MeterRegistry meters;
		private final io.micrometer.core.instrument.distribution.CountAtBucket[] before;

		ServerSide(io.micrometer.core.instrument.MeterRegistry meters) {
			this.meters = meters;
			this.before = buckets();
		}

		private io.micrometer.core.instrument.distribution.CountAtBucket[] buckets() {
			var timer = meters.find("switchboard.live.events.latency").tags("event", "call", "cause", "webhook").timer();
			return timer == null ? new io.micrometer.core.instrument.distribution.CountAtBucket[0] : timer.takeSnapshot().histogramCounts();
		}

		void report(String kind, String figure) {
			var after = buckets();
			double[] bounds = new double[after.length];
			double[] counts = new double[after.length];
			for (int i = 0; i < after.length; i++) {
				bounds[i] = after[i].bucket(TimeUnit.MILLISECONDS);
				counts[i] = after[i].count() - (i < before.length ? before[i].count() : 0);
			}
			double total = after.length == 0 ? 0 : counts[after.length - 1];
			Double p50 = rank(bounds, counts, total * 0.5);
			Double p99 = rank(bounds, counts, total * 0.99);
			System.out.printf("server side   p50 ≤ %s ms  p99 ≤ %s ms  (n=%.0f, histogram bucket bounds)%n", p50, p99, total);
			Report.FIGURES_ADD.accept(new Report.Figure("screen-pop", figure, kind, "ms (bucket bound)", null, p50, p99, "p99 ≤ 10 ms", null));
		}

		private static Double rank(double[] bounds, double[] cumulative, double rank) {
			for (int i = 0; i < bounds.length; i++) {
				if (rank > 0 && cumulative[i] >= rank) {
					return bounds[i];
				}
			}
			return null;
		}
	}

	private static byte[] delivery(String run, int n, String number) {
		Instant now = Instant.now();
		return ("""
				{"id":"%s","name":"bench","targetUrl":"http://127.0.0.1/webhooks/webex","resource":"telephony_calls","event":"created",
				"orgId":"ORG","createdBy":"%s","appId":"APP","ownedBy":"creator","status":"active","created":"2026-11-25T10:00:00.000Z",
				"actorId":"%s","data":{"eventType":"received","eventTimestamp":"%s","callId":"call-%s-%d",
				"callSessionId":"session-%d","personality":"terminator","state":"alerting",
				"remoteParty":{"name":"Caller %d","number":"%s","privacyEnabled":false,"callType":"external"},
				"created":"%s"}}""").formatted(WEBHOOK_ID, PERSON, PERSON, now, run, n, n, n, number, now)
			.replace("\n", "").getBytes(StandardCharsets.UTF_8);
	}

	static String sign(byte[] body) {
		return HexFormat.of().formatHex(signer().doFinal(body));
	}

	/** An HMAC-SHA1 keyed with the webhook's secret; {@code doFinal} leaves it ready for the next body. */
	static Mac signer() {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return mac;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
