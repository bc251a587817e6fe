package dev.switchboard.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that takes webhook deliveries at {@code /hook} (a path ending in {@code fail} answers 500)
 * and serves a small PDF at {@code /files/brochure.pdf} for messages that link a file.
 */
final class WebhookReceiver implements AutoCloseable {

	static final String BROCHURE = "%PDF-1.4 brochure";

	private final HttpServer server;
	private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

	WebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Spark-Signature")));
			exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("fail") ? 500 : 200, -1);
			exchange.close();
		});
		server.createContext("/files/brochure.pdf", exchange -> {
			byte[] pdf = BROCHURE.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/pdf");
			exchange.sendResponseHeaders(200, pdf.length);
			exchange.getResponseBody().write(pdf);
			exchange.close();
		});
		server.start();
	}

	/** e.g. {@code http://127.0.0.1:<port>/hook}. */
	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The next delivery, or null when none comes within {@code millis}. */
	Delivery poll(long millis) throws InterruptedException {
		return deliveries.poll(millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		server.stop(0);
	}

	record Delivery(byte[] body, String signature) {
	}
}
