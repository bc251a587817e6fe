package org.switchboard.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load of whole calls: each client takes the next call number and posts its three signed
 * {@code telephony_calls} deliveries in order (alerting → connected → disconnected), each body unique and built on
 * the fly, for the demo agent's linked Webex person. Counts the deliveries acknowledged (2xx) and the calls with at
 * least one acknowledged delivery, across every run of one server.
 *
 * <p>The {@code lean} client (the default) writes each signed request's bytes over a plain keep-alive socket per
 * client ({@link KeepAliveConnection}); {@code jdk} posts through the JDK HttpClient, as the benchmark did before
 * (ADR 0037: that client cost more CPU per request than the bare endpoint's server).
 */
final class CallLoad {

	private static final String[] STATES = { "alerting", "connected", "disconnected" };

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final boolean lean;
	private final int port;
	private final List<String> numbers;
	private final int clients;
	private final String run = Long.toString(System.nanoTime(), 36);
	private final AtomicLong nextCall = new AtomicLong();
	final AtomicLong acknowledged = new AtomicLong();
	final AtomicLong callsAcknowledged = new AtomicLong();
	final AtomicLong callsEnded = new AtomicLong();

	CallLoad(int port, List<String> numbers, int clients, boolean lean) {
		this.lean = lean;
		this.port = port;
		this.numbers = numbers.isEmpty() ? List.of("+14155550100") : numbers;
		this.clients = clients;
	}

	/** {@code deliveries} acknowledged by the deadline, {@code perSecond} of them. */
	record Result(double perSecond, long deliveries, Latencies latencies) {
	}

	/**
	 * Posts for {@code seconds} to {@code path}; {@code atDeadline} runs on the calling thread when the time is up,
	 * while the clients may still be posting (the last run kills the server there).
	 */
	Result run(String path, int seconds, Runnable atDeadline) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + port + path);
		boolean counted = path.equals("/webhooks/webex");
		Latencies latencies = new Latencies(4_000_000);
		AtomicLong ok = new AtomicLong();
		long started = System.nanoTime();
		long deadline = started + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				try (Client client = new Client(uri)) {
					postCalls(client, counted, deadline, ok, latencies);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds, TimeUnit.SECONDS);
		long deliveries = ok.get();
		double perSecond = deliveries / ((System.nanoTime() - started) / 1e9);
		atDeadline.run();
		if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
			pool.shutdownNow();
		}
		return new Result(perSecond, deliveries, latencies);
	}

	/** Posts whole calls until the deadline, or until a delivery is not acknowledged (the server was killed). */
	private void postCalls(Client client, boolean counted, long deadline, AtomicLong ok, Latencies latencies) {
		while (System.nanoTime() < deadline) {
			long call = nextCall.incrementAndGet();
			int acked = 0;
			boolean failed = false;
			for (int step = 0; step < STATES.length && !failed; step++) {
				String number = ScreenPopBenchmark.asCallerId(numbers.get((int) (call % numbers.size())), (int) call);
				failed = !client.post(delivery(run, call, step, number), latencies);
				acked += failed ? 0 : 1;
			}
			ok.addAndGet(acked);
			if (counted && acked > 0) {
				acknowledged.addAndGet(acked);
				callsAcknowledged.incrementAndGet();
				callsEnded.addAndGet(acked == STATES.length ? 1 : 0);
			}
			if (failed) {
				return;
			}
		}
	}

	/** One client thread's way to the server: its own socket and signing key for the lean client. */
	private final class Client implements AutoCloseable {

		private final URI uri;
		private final KeepAliveConnection connection;
		private final SignedPost post;

		Client(URI uri) {
			this.uri = uri;
			this.connection = new KeepAliveConnection(uri.getPort());
			this.post = new SignedPost(uri.getPort(), uri.getPath());
		}

		/** True when acknowledged with 2xx; false when refused or the connection failed (the server was killed). */
		boolean post(byte[] body, Latencies latencies) {
			long start = System.nanoTime();
			try {
				int status = lean ? connection.exchange(post.request(body)) : viaJdk(body);
				if (status / 100 != 2) {
					return false;
				}
				synchronized (latencies) {
					latencies.add(System.nanoTime() - start);
				}
				return true;
			}
			catch (Exception e) {
				return false;
			}
		}

		private int viaJdk(byte[] body) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
				.header("X-Spark-Signature", ScreenPopBenchmark.sign(body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}

		@Override
		public void close() {
			connection.close();
		}
	}

	/** Delivery {@code step} (0 alerting, 1 connected, 2 disconnected) of the linked agent's inbound call {@code call}. */
	static byte[] delivery(String run, long call, int step, String number) {
		String state = STATES[step];
		Instant now = Instant.now();
		String eventType = step == 0 ? "received" : state;
		String event = step == 0 ? "created" : step == 2 ? "deleted" : "updated";
		String times = (step >= 1 ? ",\"answered\":\"" + now + "\"" : "") + (step == 2 ? ",\"disconnected\":\"" + now + "\"" : "");
		return ("""
				{"id":"%s","name":"bench","targetUrl":"http://127.0.0.1/webhooks/webex","resource":"telephony_calls","event":"%s",\
				"orgId":"ORG","createdBy":"%s","appId":"APP","ownedBy":"creator","status":"active","created":"2026-11-25T10:00:00.000Z",\
				"actorId":"%s","data":{"eventType":"%s","eventTimestamp":"%s","callId":"call-%s-%d",\
				"callSessionId":"session-%s-%d","personality":"terminator","state":"%s",\
				"remoteParty":{"name":"Caller %d","number":"%s","privacyEnabled":false,"callType":"external"},\
				"created":"%s"%s}}""").formatted(ScreenPopBenchmark.WEBHOOK_ID, event, ScreenPopBenchmark.PERSON,
				ScreenPopBenchmark.PERSON, eventType, now, run, call, run, call, state, call, number, now, times)
			.getBytes(StandardCharsets.UTF_8);
	}
}
