package org.switchboard.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A forwarder in front of the bundled sandbox that answers each request {@code latencyMillis} later, so deliveries
 * meet a realistic Webex answer time (the sandbox itself answers in well under a millisecond).
 */
final class SlowWebex implements AutoCloseable {

	private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding",
			"expect", "upgrade", "keep-alive");

	private final HttpServer server;
	private final ExecutorService threads = Executors.newFixedThreadPool(64);
	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private SlowWebex(int port, int targetPort, long latencyMillis) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
		server.setExecutor(threads);
		server.createContext("/", exchange -> forward(exchange, targetPort, latencyMillis));
		server.start();
	}

	static SlowWebex start(int port, int targetPort, long latencyMillis) throws IOException {
		return new SlowWebex(port, targetPort, latencyMillis);
	}

	private void forward(HttpExchange exchange, int targetPort, long latencyMillis) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			HttpRequest.Builder request = HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + targetPort + exchange.getRequestURI()))
				.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(body));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
					values.forEach(v -> request.header(name, v));
				}
			});
			Thread.sleep(latencyMillis);
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			response.headers().map().forEach((name, values) -> {
				if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			byte[] answer = response.body();
			exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
			if (answer.length > 0) {
				exchange.getResponseBody().write(answer);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
