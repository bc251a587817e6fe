package org.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.SwitchboardApplication;

/** A throw-away database for one benchmark run: an H2 file under target/, or a fresh PostgreSQL schema. */
record BenchDatabase(String kind, Map<String, Object> properties, Runnable dropper) {

	static BenchDatabase create(String kind) throws IOException {
		if (kind.equals("postgres")) {
			String schema = "bench_" + System.currentTimeMillis();
			String url = "jdbc:postgresql://127.0.0.1:5432/test";
			return new BenchDatabase(kind, Map.of("spring.datasource.url", url + "?currentSchema=" + schema + "&reWriteBatchedInserts=true",
					"spring.datasource.username", "postgres", "spring.datasource.password", "",
					"spring.flyway.schemas", schema, "spring.flyway.create-schemas", "true"),
					() -> execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
		}
		Path dir = Path.of("target", "bench-h2");
		delete(dir);
		return new BenchDatabase(kind, Map.of("spring.datasource.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("switchboard")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=131072"), () -> {
					try {
						delete(dir);
					}
					catch (IOException e) {
						throw new IllegalStateException(e);
					}
				});
	}

	/**
	 * Starts the product on this database, without demo data or the sandbox. Settings go in as command-line
	 * arguments so they win over the product's application.properties (properties set on
	 * SpringApplicationBuilder are only defaults, and the product's own datasource URL would replace them).
	 */
	ConfigurableApplicationContext start(WebApplicationType web, Map<String, Object> extra, Class<?>... moreSources) {
		Map<String, Object> settings = new java.util.HashMap<>(properties);
		settings.put("switchboard.demo.enabled", "false");
		settings.put("switchboard.webex.sandbox.enabled", "false");
		settings.put("logging.level.root", "WARN");
		settings.putAll(extra);
		Class<?>[] sources = java.util.stream.Stream.concat(java.util.stream.Stream.of(SwitchboardApplication.class),
				java.util.Arrays.stream(moreSources)).toArray(Class<?>[]::new);
		String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(sources).web(web).run(arguments);
	}

	void drop() {
		dropper.run();
	}

	private static void execute(String url, String sql) {
		try (var connection = DriverManager.getConnection(url, "postgres", ""); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static void delete(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
