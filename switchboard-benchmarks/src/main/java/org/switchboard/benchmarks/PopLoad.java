package org.switchboard.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screen pops as Webex and an agent's browser make them: signed inbound-call deliveries for the linked agent, due
 * at a fixed rate (open loop: a slow answer does not delay the next call), posted over lean keep-alive connections
 * ({@link KeepAliveConnection}) by a pool of senders, while the agent's live stream is read ({@link EventStream}).
 * A pop's latency runs from the moment its call was due to the moment its {@code call} event is read, so time a
 * call waited for a free sender counts too.
 */
final class PopLoad {

	private static final Pattern CALLER = Pattern.compile("\"remoteName\":\"Caller (\\d+)\"");
	private static final int SENDERS = 32;
	private static final int STOP = -1;

	private final int port;
	private final List<String> numbers;

	PopLoad(int port, List<String> numbers) {
		this.port = port;
		this.numbers = numbers;
	}

	/** One run: its line (latencies, popped, matched, refused, pops/s) and its latencies, one per call that popped. */
	record Run(String summary, Latencies latencies) {

		int popped() {
			return latencies.size();
		}
	}

	Run run(int rate, int seconds, String label) throws Exception {
		int calls = rate * seconds;
		long[] due = new long[calls];
		Latencies latencies = new Latencies(calls);
		Map<Integer, Boolean> seen = new ConcurrentHashMap<>();
		AtomicInteger matched = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		try (EventStream stream = EventStream.open(port, "agent@switchboard.test", line -> {
			Matcher m = CALLER.matcher(line);
			if (m.find()) {
				int n = Integer.parseInt(m.group(1));
				if (n < calls && due[n] != 0 && seen.putIfAbsent(n, true) == null) {
					long latency = System.nanoTime() - due[n];
					synchronized (latencies) {
						latencies.add(latency);
					}
					matched.addAndGet(line.contains("\"matches\":[]") ? 0 : 1);
				}
			}
		})) {
			BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
			ExecutorService senders = senders(queue, refused);
			long period = 1_000_000_000L / rate;
			long start = System.nanoTime() + 1_000_000;
			for (int n = 0; n < calls; n++) {
				due[n] = start + n * period;
				LockSupport.parkNanos(due[n] - System.nanoTime());
				queue.add(n);
			}
			long deadline = System.nanoTime() + 15_000_000_000L;
			while (seen.size() < calls && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			for (int i = 0; i < SENDERS; i++) {
				queue.add(STOP);
			}
			senders.shutdown();
			senders.awaitTermination(30, TimeUnit.SECONDS);
		}
		double elapsed = calls == 0 ? 0 : (due[calls - 1] - due[0]) / 1e9 + 1.0 / rate;
		String summary = String.format("%s %s, %d of %d popped, %d matched a record, %d refused, %.1f pops/s", label,
				latencies.summary(), seen.size(), calls, matched.get(), refused.get(), seen.size() / Math.max(elapsed, 1e-9));
		System.out.println(summary);
		return new Run(summary, latencies);
	}

	private ExecutorService senders(BlockingQueue<Integer> queue, AtomicInteger refused) {
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		Random random = new Random(11);
		String run = Long.toString(System.nanoTime(), 36);
		for (int i = 0; i < SENDERS; i++) {
			senders.submit(() -> {
				SignedPost post = new SignedPost(port, "/webhooks/webex");
				try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
					for (int n = queue.take(); n != STOP; n = queue.take()) {
						String number;
						synchronized (random) {
							number = numbers.get(random.nextInt(numbers.size()));
						}
						int status = connection.exchange(post.request(CallLoad.delivery(run, n, 0, ScreenPopBenchmark.asCallerId(number, n))));
						refused.addAndGet(status / 100 == 2 ? 0 : 1);
					}
				}
				return null;
			});
		}
		return senders;
	}
}
