package org.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server of the webhook-ingest benchmark, in a JVM of its own so that it can be killed with {@code kill -9}
 * ({@link Process#destroyForcibly()} sends SIGKILL on Linux) and started again on the same data.
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

	private final Process process;
	private final CompletableFuture<String> ready = new CompletableFuture<>();

	private IngestServer(Process process) {
		this.process = process;
		Thread reader = new Thread(() -> {
			try (var lines = process.inputReader()) {
				lines.lines().forEach(line -> {
					if (line.startsWith("READY ") || line.startsWith("COUNT ")) {
						ready.complete(line);
					}
					else {
						System.out.println("  [server] " + line);
					}
				});
			}
			catch (IOException e) {
				// the process was killed
			}
			ready.completeExceptionally(new IllegalStateException("the server exited before it was ready"));
		}, "ingest-server-output");
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts the server on {@code database} in a JVM with {@code jvmFlags} as well; returns once it listens. */
	static IngestServer serve(BenchDatabase database, Path numbers, List<String> jvmFlags) throws Exception {
		IngestServer server = new IngestServer(launch("serve", database, numbers, jvmFlags));
		try {
			server.awaitLine(900);
		}
		catch (Exception e) {
			server.kill();
			throw e;
		}
		return server;
	}

	ProcessHandle process() {
		return process.toHandle();
	}

	int port() throws Exception {
		return Integer.parseInt(ready.get().substring("READY ".length()).trim());
	}

	/**
	 * Starts ({@code JFR.start name=ingest settings=profile}) or stops and writes ({@code JFR.stop name=ingest
	 * filename=…}) a flight recording in the server through {@code jcmd}, so a recording can cover exactly the
	 * measured runs and be written before {@code kill -9}.
	 */
	void jcmd(String... command) throws IOException, InterruptedException {
		String jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
		List<String> line = new ArrayList<>(List.of(jcmd, Long.toString(process.pid())));
		line.addAll(List.of(command));
		Process run = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(run.getInputStream().readAllBytes());
		if (run.waitFor() != 0) {
			throw new IllegalStateException("jcmd failed: " + output);
		}
	}

	/** SIGKILL, no shutdown hook or graceful stop runs. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(60, TimeUnit.SECONDS);
	}

	/** Starts the product on the same data again and counts; {deliveries, calls, disconnected calls}. */
	static long[] countAfterRestart(BenchDatabase database) throws Exception {
		IngestServer server = new IngestServer(launch("count", database, Path.of("unused"), List.of()));
		String[] parts = server.awaitLine(900).split(" ");
		server.process.waitFor(120, TimeUnit.SECONDS);
		return new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]) };
	}

	private String awaitLine(int seconds) throws Exception {
		return ready.get(seconds, TimeUnit.SECONDS);
	}

	private static Process launch(String mode, BenchDatabase database, Path numbers, List<String> jvmFlags) throws IOException {
		String javaBin = ProcessHandle.current().info().command().orElse("java");
		String classPath = System.getProperty("java.class.path");
		List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx1g"));
		command.addAll(jvmFlags);
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			command.addAll(List.of("-jar", classPath));
		}
		else {
			command.addAll(List.of("-cp", classPath, Benchmarks.class.getName()));
		}
		command.addAll(List.of("webhook-ingest-server", mode, database.kind(), numbers.toString()));
		database.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
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
