package org.switchboard.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a server-sent event stream over real HTTP, as a browser's EventSource would, and queues its events. */
public final class SseClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
	private final CompletableFuture<HttpResponse<Void>> response;
	private volatile int status;

	public SseClient(int port, String user, String path) {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/event-stream").header("Authorization", "Basic " + credentials).GET().build();
		StringBuilder data = new StringBuilder();
		String[] name = { null };
		response = HttpClient.newHttpClient().sendAsync(request, info -> {
			status = info.statusCode();
			return HttpResponse.BodySubscribers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
				@Override
				public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
					s.request(Long.MAX_VALUE);
				}

				@Override
				public void onNext(String line) {
					if (line.startsWith("event:")) {
						name[0] = line.substring(6).trim();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5));
					}
					else if (line.isEmpty() && name[0] != null) {
						events.add(new Event(name[0], JSON.readTree(data.toString()), System.nanoTime()));
						name[0] = null;
						data.setLength(0);
					}
				}

				@Override
				public void onError(Throwable t) {
				}

				@Override
				public void onComplete() {
				}
			});
		});
	}

	public int status() {
		return status;
	}

	/** The next event that satisfies {@code wanted}, skipping others; fails after {@code timeout}. */
	public Event next(Predicate<JsonNode> wanted, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (event == null) {
					throw new AssertionError("No matching event within " + timeout);
				}
				if (wanted.test(event.data())) {
					return event;
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	@Override
	public void close() {
		response.cancel(true);
	}

	public record Event(String name, JsonNode data, long receivedNanos) {
	}
}
