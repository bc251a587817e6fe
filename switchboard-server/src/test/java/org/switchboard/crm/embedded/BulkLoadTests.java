package org.switchboard.crm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.SwitchboardApplication;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.PhoneMatch;
import org.switchboard.demo.RecordGenerator;

/**
 * A bulk load on an H2 file (ADR 0041): the deferred indexes are built at its end, reads answer as for the same records
 * written batch by batch, a load that fails keeps what it committed findable, and a {@code kill -9} during the load
 * leaves nothing unfindable after the restart.
 */
class BulkLoadTests {

	static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=131072;RETENTION_TIME=1000;WRITE_DELAY=0";
	private static final Map<String, Set<String>> PHONES = Map.of(
			"Contact", Set.of("Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone"),
			"Lead", Set.of("Phone", "MobilePhone"));

	@TempDir
	Path dir;

	@Test
	void theIndexesABulkLoadRebuildsHaveTheColumnsTheMigrationsGaveThem() {
		try (ConfigurableApplicationContext context = start(dir)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			for (DeferredIndexes.Deferred deferred : DeferredIndexes.ALL) {
				String sql = deferred.primaryKey()
						? "SELECT k.column_name FROM information_schema.key_column_usage k JOIN information_schema.table_constraints c"
								+ " ON c.constraint_name = k.constraint_name AND c.table_name = k.table_name AND c.table_schema = k.table_schema"
								+ " WHERE c.table_schema = CURRENT_SCHEMA AND c.table_name = ? AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position"
						: "SELECT column_name FROM information_schema.index_columns WHERE table_schema = CURRENT_SCHEMA AND table_name = ?"
								+ " AND index_name = ? ORDER BY ordinal_position";
				var query = jdbc.sql(sql).param(deferred.table());
				List<String> columns = (deferred.primaryKey() ? query : query.param(deferred.name())).query(String.class).list();

				assertThat(String.join(", ", columns)).as(deferred.toString()).isEqualTo(deferred.columns());
			}
		}
	}

	@Test
	void aBulkLoadAnswersEveryLookupAsTheSameRecordsWrittenInBatchesWithTheirIndexes() {
		try (ConfigurableApplicationContext context = start(dir)) {
			RecordGenerator generator = context.getBean(RecordGenerator.class);
			CrmRecords records = context.getBean(CrmRecords.class);
			generator.generateInBatches(300, 7, null, done -> { });
			Set<String> inBatches = ids(context);
			generator.generate(300, 7, null, done -> { });
			Set<String> bulk = new HashSet<>(ids(context));
			bulk.removeAll(inBatches);

			assertThat(bulk).hasSize(300);
			assertThat(context.getBean(DeferredIndexes.class).allPresent()).isTrue();
			List<CrmRecord> sample = records.findAllByField("Contact", "Id", inBatches).stream().limit(60).toList();
			assertThat(sample).isNotEmpty();
			int found = 0;
			for (CrmRecord r : sample) {
				String phone = r.getString("Phone");
				String last = r.getString("LastName");
				found += sameOnBothSides(inBatches, bulk, records.findByPhone(phone, PHONES), PhoneMatch::record);
				found += sameOnBothSides(inBatches, bulk, records.search("Contact", last, 0, 200).records(), Function.identity());
				found += sameOnBothSides(inBatches, bulk, records.search("Lead", last.substring(0, Math.min(3, last.length())), 0, 200).records(), Function.identity());
				String digits = phone.replaceAll("\\D", "");
				found += sameOnBothSides(inBatches, bulk, records.searchPhoneDigits(digits.substring(digits.length() - 7), PHONES, 200),
						PhoneMatch::record);
				found += sameOnBothSides(inBatches, bulk, records.findByField("Contact", "Email", r.getString("Email")), Function.identity());
			}
			assertThat(found).as("records found among the batch-written ones").isGreaterThan(4 * sample.size());
		}
	}

	@Test
	void aBulkLoadThatFailsPartWayKeepsWhatItCommittedFindableAndRefusesTheBadRecordAsABatchWould() {
		try (ConfigurableApplicationContext context = start(dir)) {
			CrmRecords records = context.getBean(CrmRecords.class);
			TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
			List<String> committed = new ArrayList<>();

			assertThatThrownBy(() -> records.bulkLoad(() -> {
				committed.addAll(transactions.execute(tx -> records.createAll("Contact", probeContacts(0, 50), null)));
				transactions.executeWithoutResult(tx -> records.createAll("Contact",
						List.of(probeContact(50), Map.of("LastName", "Broken", "Email", "not-an-address")), null));
			})).isInstanceOfSatisfying(CrmException.class,
					e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("[1].Email"));

			assertThat(context.getBean(DeferredIndexes.class).allPresent()).isTrue();
			assertFindable(records, committed);
			assertThat(records.search("Contact", lastName(50), 0, 10).records()).as("the failed batch wrote nothing").isEmpty();
		}
	}

	@Test
	void aKillDuringABulkLoadLeavesEveryCommittedRecordFindableAfterTheRestart() throws Exception {
		Path data = dir.resolve("killed");
		Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), BulkLoadKillProbe.class.getName(), data.toString())
			.redirectErrorStream(true).start();
		List<String> acknowledged = new ArrayList<>();
		long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while (acknowledged.size() < 300 && System.nanoTime() < until && (line = lines.readLine()) != null) {
				if (line.startsWith("committed ")) {
					acknowledged.addAll(List.of(line.substring("committed ".length()).split(",")));
				}
			}
			probe.destroyForcibly().waitFor();
		}

		assertThat(acknowledged).as("records the probe committed before the kill").hasSizeGreaterThanOrEqualTo(300);
		assertThat(missingIndexes(data)).as("the kill came during the load, its indexes not yet built")
			.contains("crm_phone_by_number", "crm_search_term primary key");
		try (ConfigurableApplicationContext restarted = start(data)) {
			assertThat(restarted.getBean(DeferredIndexes.class).allPresent()).isTrue();
			assertFindable(restarted.getBean(CrmRecords.class), acknowledged);
		}
	}

	private static void assertFindable(CrmRecords records, List<String> ids) {
		assertThat(ids).isNotEmpty();
		for (String id : ids) {
			CrmRecord r = records.get("Contact", id, List.of("LastName", "MobilePhone"));
			assertThat(records.findByPhone(r.getString("MobilePhone"), PHONES)).extracting(m -> m.record().id()).containsExactly(id);
			assertThat(records.search("Contact", r.getString("LastName"), 0, 10).records()).extracting(CrmRecord::id).containsExactly(id);
			assertThat(records.searchPhoneDigits(r.getString("MobilePhone").replaceAll("\\D", "").substring(4), PHONES, 10))
				.extracting(m -> m.record().id()).containsExactly(id);
		}
	}

	/** The names found among the batch-written records equal those among the bulk-loaded twins; how many. */
	private static <T> int sameOnBothSides(Set<String> inBatches, Set<String> bulk, List<T> found, Function<T, CrmRecord> record) {
		List<String> batchSide = found.stream().map(record).filter(r -> inBatches.contains(r.id())).map(CrmRecord::name).sorted().toList();
		List<String> bulkSide = found.stream().map(record).filter(r -> bulk.contains(r.id())).map(CrmRecord::name).sorted().toList();
		assertThat(bulkSide).isEqualTo(batchSide);
		return batchSide.size();
	}

	private static Set<String> ids(ConfigurableApplicationContext context) {
		return new HashSet<>(context.getBean(JdbcClient.class).sql("SELECT id FROM crm_record").query(String.class).list());
	}

	/** Every deferred index that the store at {@code data} lacks, read without starting the product. */
	private static List<String> missingIndexes(Path data) throws Exception {
		List<String> missing = new ArrayList<>();
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("switchboard") + SETTINGS, "sa", "")) {
			for (DeferredIndexes.Deferred d : DeferredIndexes.ALL) {
				String sql = d.primaryKey()
						? "SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_name = '" + d.table() + "' AND constraint_type = 'PRIMARY KEY'"
						: "SELECT COUNT(*) FROM information_schema.indexes WHERE index_name = '" + d.name() + "'";
				try (ResultSet rs = c.createStatement().executeQuery(sql)) {
					rs.next();
					if (rs.getLong(1) == 0) {
						missing.add(d.name());
					}
				}
			}
		}
		return missing;
	}

	static List<Map<String, Object>> probeContacts(int from, int count) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int n = from; n < from + count; n++) {
			rows.add(probeContact(n));
		}
		return rows;
	}

	/** A Contact whose last name and mobile number are its own: Probe and four letters, +1 415 7xx xxxx. */
	static Map<String, Object> probeContact(int n) {
		return Map.of("LastName", lastName(n), "MobilePhone", String.format("+1 415 7%02d %04d", n / 10_000, n % 10_000));
	}

	/** No such name starts another: all have the same length. */
	private static String lastName(int n) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0, rest = n; i < 4; i++, rest /= 26) {
			letters.append((char) ('a' + rest % 26));
		}
		return "Probe" + letters;
	}

	/** The product on the H2 file under {@code data}, with the product's H2 settings, no demo data and no sandbox. */
	static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(SwitchboardApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("switchboard").toAbsolutePath() + SETTINGS,
					"--switchboard.secrets.key-file=" + data.resolve("secret.key").toAbsolutePath(),
					"--switchboard.demo.enabled=false", "--switchboard.webex.sandbox.enabled=false", "--logging.level.root=WARN");
	}
}
