package org.switchboard.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2's compaction, run by us because WRITE_DELAY=0 stops H2's own writer thread (ADR 0032). */
class H2HousekeepingTests {

	/** The product's H2 settings that matter here (application.properties). */
	static final String SETTINGS = ";RETENTION_TIME=1000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

	@TempDir
	Path dir;

	@Test
	void keepsAFileWrittenAtEveryCommitNearItsLiveDataWhileRandomKeysAreInserted() throws Exception {
		Churned without = churn(dataSource("without"), null, Duration.ofSeconds(3), Long.MAX_VALUE);
		Churned with = churn(dataSource("with"), new H2Housekeeping(dataSource("with"), Duration.ofMillis(200)),
				Duration.ofSeconds(60), without.commits());

		assertThat(with.commits()).as("the same work with housekeeping").isEqualTo(without.commits());
		assertThat(with.growth()).as("growth of the file over %,d commits with housekeeping (%,d bytes) against without (%,d bytes)",
				without.commits(), with.growth(), without.growth()).isLessThan(without.growth() / 2);
	}

	@Test
	void leavesEveryAcknowledgedCommitReadableAfterAKillDashNineDuringHousekeeping() throws Exception {
		Path db = dir.resolve("killed");
		Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), H2HousekeepingKillProbe.class.getName(), db.toString())
			.redirectErrorStream(true).start();
		Set<String> acknowledged = new HashSet<>();
		long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null && (System.nanoTime() < until || acknowledged.size() < 2_000)) {
				if (line.startsWith("committed ")) {
					acknowledged.add(line.substring("committed ".length()));
				}
			}
			probe.destroyForcibly().waitFor();
		}

		assertThat(acknowledged).as("rows the probe committed before the kill").hasSizeGreaterThanOrEqualTo(2_000);
		JdbcDataSource reopened = new JdbcDataSource();
		reopened.setURL("jdbc:h2:file:" + db + SETTINGS);
		Set<String> stored = new HashSet<>();
		try (Connection c = reopened.getConnection(); Statement s = c.createStatement();
				var rows = s.executeQuery("SELECT k FROM churn")) {
			while (rows.next()) {
				stored.add(rows.getString(1));
			}
		}
		assertThat(stored).containsAll(acknowledged);
	}

	@Test
	void leavesAnInMemoryDatabaseAlone() throws Exception {
		JdbcDataSource memory = new JdbcDataSource();
		memory.setURL("jdbc:h2:mem:housekeeping-" + UUID.randomUUID() + ";WRITE_DELAY=0");
		try (Connection keepOpen = memory.getConnection()) {
			assertThat(H2Housekeeping.writingAtCommit(memory)).isNull();
		}
	}

	private JdbcDataSource dataSource(String name) {
		JdbcDataSource source = new JdbcDataSource();
		source.setURL("jdbc:h2:file:" + dir.resolve(name) + SETTINGS);
		return source;
	}

	private record Churned(long growth, long commits) {
	}

	/**
	 * 50,000 rows, then random-key inserts, 20 rows per commit, for {@code atMost} or {@code commits} commits, whichever
	 * comes first: how much the file grew meanwhile. Comparing equal work, not equal time: a second, JIT-warm run
	 * commits more in the same seconds.
	 */
	private Churned churn(JdbcDataSource source, H2Housekeeping housekeeping, Duration atMost, long commits) throws Exception {
		try (Connection c = source.getConnection()) {
			createTable(c);
			insert(c, 50_000, null);
			Path file = Path.of(source.getURL().substring("jdbc:h2:file:".length(), source.getURL().indexOf(';')) + ".mv.db");
			long before = Files.size(file);
			if (housekeeping != null) {
				housekeeping.start();
			}
			long until = System.nanoTime() + atMost.toNanos();
			long done = 0;
			while (done < commits && System.nanoTime() < until) {
				insert(c, 20, null);
				done++;
			}
			if (housekeeping != null) {
				housekeeping.stop();
			}
			return new Churned(Files.size(file) - before, done);
		}
	}

	static void createTable(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS churn (k VARCHAR(36) PRIMARY KEY, v VARCHAR(200))");
		}
		c.setAutoCommit(false);
	}

	/** Inserts and commits {@code rows} random-key rows; tells {@code committed} each key once the commit returned. */
	static void insert(Connection c, int rows, java.util.function.Consumer<String> committed) throws SQLException {
		Set<String> keys = new HashSet<>();
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO churn (k, v) VALUES (?, ?)")) {
			for (int i = 0; i < rows; i++) {
				String key = UUID.randomUUID().toString();
				keys.add(key);
				insert.setString(1, key);
				insert.setString(2, "x".repeat(100));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		c.commit();
		if (committed != null) {
			keys.forEach(committed);
		}
	}
}
