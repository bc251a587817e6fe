package org.switchboard.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Screen pops through Debian's HAProxy (round-robin, no stickiness) with one replica behind it and then with
 * three, on one PostgreSQL schema each time: webhooks spread over the replicas and every pop crosses to the replica
 * holding the agent's stream by LISTEN/NOTIFY. The replicas are separate servers (own Tomcat, pool, workers) in
 * this JVM, so on one machine the ratio shows the cost of the hop and of sharing the cores, not added capacity.
 */
final class ReplicasBenchmark {

	private ReplicasBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int rate = options.integer("rate", 100);
		int seconds = (int) options.duration("seconds", ChronoUnit.SECONDS, Duration.ofSeconds(20)).toSeconds();
		String one = run(1, rate, seconds);
		String three = run(3, rate, seconds);
		System.out.printf("%n== screen pops at %d calls/s for %d s, PostgreSQL, behind HAProxy ==%n", rate, seconds);
		System.out.println("1 replica   " + one);
		System.out.println("3 replicas  " + three);
	}

	private static String run(int replicas, int rate, int seconds) throws Exception {
		BenchDatabase database = BenchDatabase.create("postgres");
		List<ConfigurableApplicationContext> servers = new ArrayList<>();
		Process proxy = null;
		try {
			for (int i = 0; i < replicas; i++) {
				servers.add(database.start(WebApplicationType.SERVLET, Map.of("server.port", "0",
						"switchboard.demo.enabled", Boolean.toString(i == 0), "switchboard.live-events", "postgres",
						"switchboard.secrets.key", "replicas-benchmark-key")));
			}
			JdbcClient jdbc = servers.get(0).getBean(JdbcClient.class);
			ScreenPopBenchmark.linkAgent(servers.get(0), jdbc);
			List<String> numbers = ScreenPopBenchmark.callerNumbers(jdbc);
			int proxyPort = freePort();
			proxy = haproxy(proxyPort, servers.stream().map(ReplicasBenchmark::port).toList());
			awaitProxy(proxyPort);
			System.out.printf("%n== %d replica(s) behind HAProxy on :%d ==%n", replicas, proxyPort);
			new PopLoad(proxyPort, numbers).run(rate, 5, "warm-up      ");
			return new PopLoad(proxyPort, numbers).run(rate, seconds, "screen pop   ").summary();
		}
		finally {
			if (proxy != null) {
				proxy.destroyForcibly().waitFor();
			}
			for (int i = servers.size() - 1; i >= 0; i--) {
				servers.get(i).close();
			}
			database.drop();
		}
	}

	private static Process haproxy(int port, List<Integer> backends) throws IOException {
		StringBuilder config = new StringBuilder("""
				global
				  maxconn 4000
				defaults
				  mode http
				  timeout connect 2s
				  timeout client 5m
				  timeout server 5m
				frontend switchboard
				  bind 127.0.0.1:%d
				  default_backend replicas
				backend replicas
				  balance roundrobin
				""".formatted(port));
		for (int i = 0; i < backends.size(); i++) {
			config.append("  server replica").append(i + 1).append(" 127.0.0.1:").append(backends.get(i)).append('\n');
		}
		Path file = Files.createTempFile("switchboard-haproxy", ".cfg");
		Files.writeString(file, config);
		return new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
	}

	private static void awaitProxy(int port) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 100; i++) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("HAProxy did not come up on port " + port + " (is it installed? apt-get install haproxy)");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
