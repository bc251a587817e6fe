package org.switchboard.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server of the webhook-ingest benchmark, a {@link ServerProcess} so that it can be killed with {@code kill -9}
 * and started again on the same data.
 * <ul>
 * <li>{@code serve}: starts the product with demo data and {@link BareEndpoint}, links the demo agent to a Webex
 * person with a {@code telephony_calls} webhook, writes the stored phone numbers to a file, prints
 * {@code READY <port>} and waits to be killed.</li>
 * <li>{@code count}: starts the product (no web server) on the same data, prints
 * {@code COUNT <deliveries> <calls> <disconnected calls>} and exits.</li>
 * </ul>
 * {@code webhook-ingest --server-jvm="…"} adds JVM options to the server's command line.
 */
final class IngestServer {

	private static final String ENTRY = "webhook-ingest-server";

	private IngestServer() {
	}

	/** Starts the server on {@code database} in a JVM with {@code jvmFlags} as well; returns once it listens. */
	static ServerProcess serve(BenchDatabase database, Path numbers, List<String> jvmFlags) throws Exception {
		ServerProcess server = ServerProcess.start(ENTRY, List.of("serve", database.kind(), numbers.toString()), database, jvmFlags);
		server.awaitReady(900);
		return server;
	}

	/** Starts the product on the same data again and counts; {deliveries, calls, disconnected calls}. */
	static long[] countAfterRestart(BenchDatabase database) throws Exception {
		ServerProcess server = ServerProcess.start(ENTRY, List.of("count", database.kind(), "unused"), database, List.of());
		String[] parts = server.await("COUNT", 900).split(" ");
		server.awaitExit(120);
		return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]) };
	}

	/** The child JVM: {@code webhook-ingest-server serve|count <kind> <numbers file> --setting=value…}. */
	static void main(String[] args) throws Exception {
		Map<String, Object> settings = new HashMap<>(Options.parse(args).asMap());
		BenchDatabase database = new BenchDatabase(args[1], settings, () -> { });
		if (args[0].equals("count")) {
			try (ConfigurableApplicationContext context = database.start(WebApplicationType.NONE, Map.of())) {
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				System.out.printf("COUNT %d %d %d%n", count(jdbc, "SELECT COUNT(*) FROM webex_delivery"),
						count(jdbc, "SELECT COUNT(*) FROM calling_call"),
						count(jdbc, "SELECT COUNT(*) FROM calling_call WHERE state = 'disconnected'"));
			}
			System.exit(0);
		}
		Map<String, Object> server = Map.of("server.port", "0", "server.tomcat.threads.max", "64", "switchboard.demo.enabled", "true");
		ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, server, BareEndpoint.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		ScreenPopBenchmark.linkAgent(context, jdbc);
		Files.write(Path.of(args[2]), ScreenPopBenchmark.callerNumbers(jdbc));
		System.out.println("READY " + ((WebServerApplicationContext) context).getWebServer().getPort());
		Thread.currentThread().join();
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
