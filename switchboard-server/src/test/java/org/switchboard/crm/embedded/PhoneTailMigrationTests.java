package org.switchboard.crm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V29 (ADR 0039) on a store written before it, whose tail rows do not name their field: the digit search gives the same
 * records with the same fields, in the same order, as the query before V29 gave on the old rows, on both databases.
 */
class PhoneTailMigrationTests {

	private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
	private static final List<String> ALL_FIELDS = List.of("Phone", "MobilePhone", "HomePhone", "OtherPhone");
	/** The digit search before V29, with the field as the last sort key (the order between fields was the plan's). */
	private static final String SEARCH_BEFORE_V29 = """
			SELECT t.record_id, p.field_name FROM crm_phone_tail t
			JOIN crm_phone p ON p.record_id = t.record_id AND p.field_name IN (:fields)
			WHERE t.tail >= :from AND t.tail < :to
			AND RIGHT(p.e164, CHAR_LENGTH(t.tail) - 3) = SUBSTRING(t.tail, 4)
			ORDER BY t.tail, t.record_id, p.field_name LIMIT 1000""";

	@Test
	void anH2StoreWrittenBeforeV29FindsTheSameNumbersByDigitsAfterIt() {
		SingleConnectionDataSource store = new SingleConnectionDataSource("jdbc:h2:mem:tails" + UUID.randomUUID().toString().replace("-", "")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
		try {
			findsTheSameAfterV29(store, "h2", null);
		}
		finally {
			store.destroy();
		}
	}

	@Test
	void aPostgresStoreWrittenBeforeV29FindsTheSameNumbersByDigitsAfterIt() throws Exception {
		String schema = "sb_tails_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		SingleConnectionDataSource store = new SingleConnectionDataSource(PG + "?currentSchema=" + schema, "postgres", "", true);
		try {
			findsTheSameAfterV29(store, "postgresql", schema);
		}
		finally {
			store.destroy();
			try (var connection = DriverManager.getConnection(PG, "postgres", ""); var statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

	private static void findsTheSameAfterV29(DataSource store, String vendor, String schema) {
		migrate(store, vendor, schema, "28");
		JdbcClient jdbc = JdbcClient.create(store);
		List<String[]> phones = phones();
		writeAsBeforeV29(jdbc, phones);
		Map<Search, List<String>> before = new LinkedHashMap<>();
		for (Search search : searches(phones.subList(0, 30))) {
			before.put(search, hits(jdbc.sql(SEARCH_BEFORE_V29).param("fields", search.fields())
				.param("from", search.keyPrefix() + search.digits()).param("to", search.keyPrefix() + RecordTable.prefixEnd(search.digits()))
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).list()));
		}

		migrate(store, vendor, schema, "latest");
		RecordTable table = new RecordTable(jdbc, new JdbcTemplate(store));

		assertThat(before.values()).as("searches that find something before V29").filteredOn(h -> !h.isEmpty()).hasSizeGreaterThan(20);
		before.forEach((search, hits) -> assertThat(hits(table.phoneParts(search.keyPrefix(), search.digits(), search.fields(), 1000)))
			.as(search.toString()).isEqualTo(hits));
		String sharedNumber = phones.get(0)[0];
		table.deletePhones(List.of(sharedNumber));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_phone_tail WHERE record_id = ?").param(sharedNumber).query(Long.class).single())
			.as("a migrated record's tail rows are found again from its numbers and deleted").isZero();
	}

	/**
	 * (record id, field, object, E.164): generated numbers of four countries on Contacts and Leads, and on purpose one
	 * number in two fields of a record, two numbers of a record that end alike, and a number whose line repeats its
	 * area code (two tails of one number start with the same digits).
	 */
	private static List<String[]> phones() {
		List<String[]> phones = new ArrayList<>();
		String twice = RecordIds.withChecksum("003000000000001");
		phones.add(new String[] { twice, "Phone", "Contact", "+14155550142" });
		phones.add(new String[] { twice, "MobilePhone", "Contact", "+14155550142" });
		phones.add(new String[] { twice, "HomePhone", "Contact", "+12125550142" });
		phones.add(new String[] { RecordIds.withChecksum("003000000000002"), "OtherPhone", "Contact", "+14155554155" });
		phones.add(new String[] { RecordIds.withChecksum("00Q000000000003"), "Phone", "Lead", "+14155550142" });
		Random random = new Random(29);
		for (int i = 10; i < 400; i++) {
			boolean lead = i % 3 == 0;
			String id = RecordIds.withChecksum((lead ? "00Q" : "003") + RecordIds.base62(i, 12));
			int fields = 1 + random.nextInt(3);
			for (int f = 0; f < fields; f++) {
				phones.add(new String[] { id, ALL_FIELDS.get(f), lead ? "Lead" : "Contact", number(random) });
			}
		}
		return phones;
	}

	private static String number(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> String.format("+4420794%05d", random.nextInt(100_000));
			case 1 -> String.format("+45%08d", 20_000_000 + random.nextInt(70_000_000));
			case 2 -> String.format("+4930%07d", 1_000_000 + random.nextInt(9_000_000));
			default -> String.format("+1%s555%04d", List.of("415", "212", "312").get(random.nextInt(3)), random.nextInt(200));
		};
	}

	/** crm_phone and crm_phone_tail as the release before V29 wrote them: one tail row per distinct tail of a record. */
	private static void writeAsBeforeV29(JdbcClient jdbc, List<String[]> phones) {
		Set<List<String>> tails = new LinkedHashSet<>();
		for (String[] phone : phones) {
			jdbc.sql("INSERT INTO crm_phone (record_id, field_name, object_name, e164) VALUES (?, ?, ?, ?)").params((Object[]) phone).update();
			PhoneParts.of(phone[3]).forEach(tail -> tails.add(List.of(phone[0].substring(0, 3) + tail, phone[0])));
		}
		tails.forEach(t -> jdbc.sql("INSERT INTO crm_phone_tail (tail, record_id) VALUES (?, ?)").params(t.get(0), t.get(1)).update());
	}

	/** Every group start of the numbers, cut to 4 digits and whole, in both objects, for all fields and for one. */
	private static List<Search> searches(List<String[]> phones) {
		Set<Search> searches = new LinkedHashSet<>();
		for (String[] phone : phones) {
			for (String tail : PhoneParts.of(phone[3])) {
				for (String digits : List.of(tail.substring(0, 4), tail)) {
					for (String keyPrefix : List.of("003", "00Q")) {
						searches.add(new Search(keyPrefix, digits, ALL_FIELDS));
						searches.add(new Search(keyPrefix, digits, List.of(phone[1])));
					}
				}
			}
		}
		return List.copyOf(searches);
	}

	private static List<String> hits(List<String[]> rows) {
		return rows.stream().map(r -> r[0] + " " + r[1]).toList();
	}

	private static void migrate(DataSource store, String vendor, String schema, String target) {
		var flyway = Flyway.configure().dataSource(store).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.target(target);
		if (schema != null) {
			flyway.schemas(schema).createSchemas(true);
		}
		flyway.load().migrate();
	}

	private record Search(String keyPrefix, String digits, List<String> fields) {
	}
}
