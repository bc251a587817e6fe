package org.switchboard.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.platform.secrets.Secrets;

/**
 * Posts signed {@code telephony_calls} deliveries to {@code /webhooks/webex} over loopback from concurrent
 * clients for a fixed time, then checks that every acknowledged delivery is in the database. The same load
 * against {@code /webhooks/bare} (reads the body, stores nothing) gives the ceiling of the HTTP stack.
 */
final class WebhookIngestBenchmark {

	private static final String SECRET = "benchmark-secret";
	private static final String WEBHOOK_ID = "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svYmVuY2htYXJr" + System.nanoTime();

	private WebhookIngestBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Map<String, String> options = Options.parse(args);
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
		for (String kind : Options.databases(options)) {
			run(kind, seconds, clients);
		}
	}

	private static void run(String kind, int seconds, int clients) throws Exception {
		BenchDatabase database = BenchDatabase.create(kind);
		Map<String, Object> server = Map.of("server.port", "0", "server.tomcat.threads.max", "64");
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, server, BareEndpoint.class)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date) VALUES (?, 'bench', 'telephony_calls', 'all', 'x', ?, 'PERSON', ?)")
				.params(WEBHOOK_ID, context.getBean(Secrets.class).encrypt(SECRET), OffsetDateTime.now()).update();
			System.out.printf("%n== %s: webhook ingest, %d connections, %d s, load from %s ==%n", kind, clients, seconds,
					Wrk.available() ? "wrk" : "an in-process HTTP client");
			if (Wrk.available()) {
				runWithWrk(kind, port, jdbc, seconds, clients);
				return;
			}
			load(port, "/webhooks/webex", 5, clients, new AtomicLong(1_000_000_000L));
			double bare = load(port, "/webhooks/bare", seconds, clients, new AtomicLong());
			long before = count(jdbc);
			AtomicLong sequence = new AtomicLong();
			double stored = load(port, "/webhooks/webex", seconds, clients, sequence);
			long durable = count(jdbc) - before;
			System.out.printf("bare endpoint     %,.0f deliveries/s%n", bare);
			System.out.printf("webhook ingest    %,.0f deliveries/s, %,d acknowledged, %,d stored (%s)%n", stored,
					sequence.get(), durable, durable == sequence.get() ? "all stored" : "MISSING " + (sequence.get() - durable));
			System.out.printf("ratio             %.2f of the bare endpoint%n", stored / bare);
			Report.value("webhook-ingest", "deliveries/s (one unlinked person, no call path; in-process client)", kind, "deliveries/s", stored, "≥ 5,000 with the call path");
		}
		finally {
			database.drop();
		}
	}

	private static void runWithWrk(String kind, int port, JdbcClient jdbc, int seconds, int connections) throws Exception {
		String base = "http://127.0.0.1:" + port;
		Wrk.run(base + "/webhooks/webex", 5, connections, deliveries(20_000, 500_000_000L), 2);
		Wrk.Result bare = Wrk.run(base + "/webhooks/bare", seconds, connections, deliveries(20_000, 600_000_000L), 2);
		Path unique = deliveries(Math.max(50_000, seconds * 8_000), 0);
		long before = count(jdbc);
		Wrk.Result stored = Wrk.run(base + "/webhooks/webex", seconds, connections, unique, 2);
		long durable = count(jdbc) - before;
		System.out.printf("bare endpoint     %,.0f deliveries/s%n", bare.perSecond());
		System.out.printf("webhook ingest    %,.0f deliveries/s, %,d acknowledged, %,d stored (%s)%n", stored.perSecond(),
				stored.acknowledged(), durable, durable >= stored.acknowledged()
						? "every acknowledged delivery stored; " + (durable - stored.acknowledged()) + " more were in flight when wrk stopped counting"
						: "LOST " + (stored.acknowledged() - durable));
		System.out.printf("ratio             %.2f of the bare endpoint%n", stored.perSecond() / bare.perSecond());
		Report.value("webhook-ingest", "deliveries/s (one unlinked person, no call path; wrk)", kind, "deliveries/s", stored.perSecond(), "≥ 5,000 with the call path");
	}

	/** A file of unique, signed deliveries for wrk: signature, tab, body per line. */
	private static Path deliveries(int count, long firstNumber) throws Exception {
		Path file = Files.createTempFile("deliveries", ".tsv");
		try (var out = Files.newBufferedWriter(file)) {
			for (long n = firstNumber; n < firstNumber + count; n++) {
				String body = new String(delivery(n), StandardCharsets.UTF_8).replace("\n", "");
				out.write(sign(body.getBytes(StandardCharsets.UTF_8)));
				out.write('\t');
				out.write(body);
				out.write('\n');
			}
		}
		return file;
	}

	/** Deliveries per second acknowledged with 2xx; {@code acknowledged} counts them. */
	private static double load(int port, String path, int seconds, int clients, AtomicLong acknowledged) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		URI uri = URI.create("http://127.0.0.1:" + port + path);
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicLong counter = new AtomicLong(acknowledged.get());
		AtomicLong ok = new AtomicLong();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			for (int c = 0; c < clients; c++) {
				pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						byte[] body = delivery(counter.incrementAndGet());
						HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
							.header("X-Spark-Signature", sign(body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
						HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() / 100 == 2) {
							ok.incrementAndGet();
						}
					}
					return null;
				});
			}
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		acknowledged.set(ok.get());
		return ok.get() / elapsed;
	}

	private static long count(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM webex_delivery").query(Long.class).single();
	}

	private static byte[] delivery(long n) {
		return ("""
				{"id":"%s","name":"bench","targetUrl":"http://127.0.0.1/webhooks/webex","resource":"telephony_calls","event":"updated",
				"orgId":"ORG","createdBy":"PERSON","appId":"APP","ownedBy":"creator","status":"active","created":"2026-11-25T10:00:00.000Z",
				"actorId":"PERSON","data":{"eventType":"received","eventTimestamp":"2026-11-25T10:00:01.000Z","callId":"call-%d",
				"callSessionId":"session-%d","personality":"terminator","state":"alerting",
				"remoteParty":{"name":"Caller %d","number":"+1415555%04d","privacyEnabled":false,"callType":"external"},
				"created":"2026-11-25T10:00:00.000Z"}}""").formatted(WEBHOOK_ID, n, n, n, n % 10_000).getBytes(StandardCharsets.UTF_8);
	}

	private static String sign(byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}
}
