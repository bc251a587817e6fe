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

	private static final Path H2_DIR = Path.of("target", "bench-h2");
	private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
	/** The product's H2 settings (application.properties), without the file path. */
	static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=131072;RETENTION_TIME=1000;WRITE_DELAY=0";

	static BenchDatabase create(String kind) throws IOException {
		if (kind.equals("postgres")) {
			String schema = "bench_" + System.currentTimeMillis();
			return postgres(schema, () -> execute(PG_URL, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
		}
		delete(H2_DIR);
		return h2(H2_DIR, () -> {
			try {
				delete(H2_DIR);
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	private static BenchDatabase postgres(String schema, Runnable dropper) {
		return new BenchDatabase("postgres", Map.of("spring.datasource.url", PG_URL + "?currentSchema=" + schema + "&reWriteBatchedInserts=true",
				"spring.datasource.username", "postgres", "spring.datasource.password", "",
				"spring.flyway.schemas", schema, "spring.flyway.create-schemas", "true"), dropper);
	}

	private static BenchDatabase h2(Path dir, Runnable dropper) {
		return new BenchDatabase("h2", Map.of("spring.datasource.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("switchboard")
				+ H2_SETTINGS + System.getProperty("bench.h2.options", "")), dropper);
	}

	/**
	 * A store that outlives the run, for figures whose data takes longer to make than to measure (a million records):
	 * PostgreSQL schema {@code bench_keep_<name>} or H2 file under {@code target/bench-h2-keep-<name>}, made on first use,
	 * reused as it is afterwards, never dropped ({@code DROP SCHEMA} or deleting the directory removes it).
	 */
	static BenchDatabase kept(String kind, String name) {
		if (!name.matches("[a-z0-9_]{1,30}")) {
			throw new IllegalArgumentException("--keep must be 1-30 of a-z, 0-9 and _, not " + name);
		}
		return kind.equals("postgres") ? postgres("bench_keep_" + name, () -> { })
				: h2(Path.of("target", "bench-h2-keep-" + name), () -> { });
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

	/** Bytes the store takes on disk: the H2 file, or every relation of the PostgreSQL schema. */
	long sizeOnDisk(javax.sql.DataSource dataSource) {
		if (kind.equals("h2")) {
			try (Stream<Path> files = Files.list(H2_DIR)) {
				return files.mapToLong(f -> f.toFile().length()).sum();
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
		return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
				"SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
						+ "WHERE n.nspname = current_schema() AND c.relkind = 'r'", Long.class);
	}

	/** H2 only, the store closed: rewrites the file with live data only ({@code SHUTDOWN COMPACT}); returns its bytes. */
	long compactH2() {
		try (var connection = DriverManager.getConnection("jdbc:h2:file:" + H2_DIR.toAbsolutePath().resolve("switchboard") + H2_SETTINGS, "sa", "");
				var statement = connection.createStatement()) {
			statement.execute("SHUTDOWN COMPACT");
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		return sizeOnDisk(null);
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
