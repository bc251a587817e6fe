package org.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.switchboard.SwitchboardApplication;
import org.switchboard.support.ApiClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A4: databases written by the release at ff04a13 (Flyway V1–V8, see {@code src/test/resources/upgrade/README.md}) are
 * opened by this release, migrated, and everything an admin and the users set up is still there, read through the API.
 * What to expect is read from the old database itself with V8's SQL before the server starts, so later migrations
 * may reshape tables freely as long as the product still answers the same.
 */
class UpgradeTests {

	private static final String KEY = "upgrade-test-key-0123456789";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anH2DatabaseOfTheEarlierReleaseKeepsEverySettingRuleSpaceAndCallLog(@TempDir Path dir) throws Exception {
		try (InputStream in = new GZIPInputStream(resource("h2-v8.mv.db.gz"))) {
			Files.copy(in, dir.resolve("switchboard.mv.db"));
		}
		String url = "jdbc:h2:file:" + dir.resolve("switchboard").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		Before before;
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			before = Before.read(connection);
		}
		upgradeAndCheck(before, "--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=");
	}

	@Test
	void aPostgresDatabaseOfTheEarlierReleaseKeepsEverySettingRuleSpaceAndCallLog() throws Exception {
		String schema = "sb_up_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
			ScriptUtils.executeSqlScript(connection, new ByteArrayResource(postgresDump(schema).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			Before before;
			try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
				before = Before.read(connection);
			}
			upgradeAndCheck(before, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--spring.flyway.schemas=" + schema);
		}
		finally {
			try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
				connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
	}

	private static void upgradeAndCheck(Before before, String... datasource) {
		assertThat(before.settings()).as("the old database has every settings section").hasSize(7);
		assertThat(before.calls()).as("logged calls").filteredOn(c -> c.taskId() != null).hasSize(2);
		assertThat(before.calls()).as("a call waiting for its log").filteredOn(c -> "draft".equals(c.logStatus())).hasSize(1);
		assertThat(before.rules()).hasSize(2);
		assertThat(before.spaces()).hasSize(2);
		List<String> args = new ArrayList<>(List.of(datasource));
		args.addAll(List.of("--server.port=0", "--switchboard.webex.sandbox.enabled=false",
				"--switchboard.webex.base-url=http://127.0.0.1:9/v1", "--switchboard.secrets.key=" + KEY,
				"--switchboard.embedded.notifications=false"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SwitchboardApplication.class)
			.run(args.toArray(String[]::new))) {
			assertThat(context.getBean(Flyway.class).info().pending()).as("every migration applied").isEmpty();
			ApiClient api = new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			checkSettings(before, api);
			checkRules(before, api);
			checkSpaces(before, api);
			checkCalls(before, api);
			checkIntegration(before, api);
			checkPhoneTails(context);
		}
	}

	/**
	 * V25 empties the phone tails (ADR 0032); the start-up refill writes them again from the start of each group of
	 * every stored number, so the dialer finds a number by its national digits, and not from inside a group.
	 */
	private static void checkPhoneTails(ConfigurableApplicationContext context) {
		org.springframework.jdbc.core.simple.JdbcClient jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		org.switchboard.crm.CrmRecords records = context.getBean(org.switchboard.crm.CrmRecords.class);
		List<String[]> phones = jdbc.sql("SELECT record_id, object_name, field_name, e164 FROM crm_phone ORDER BY record_id")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) }).list();
		assertThat(phones).as("stored numbers in the old database").isNotEmpty();
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (tailRows(jdbc) < phones.size() && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
		}
		for (String[] phone : phones) {
			List<String> groups = org.switchboard.crm.PhoneNormalizer.digitGroups(phone[3]);
			String national = String.join("", groups.subList(1, groups.size()));
			java.util.Map<String, java.util.Set<String>> field = java.util.Map.of(phone[1], java.util.Set.of(phone[2]));
			assertThat(records.searchPhoneDigits(national, field, 200)).as(phone[3] + " by " + national)
				.anyMatch(m -> m.record().id().equals(phone[0]));
			if (groups.size() > 2 && groups.get(1).length() > 1 && national.length() > 5) {
				assertThat(records.searchPhoneDigits(national.substring(1), field, 200)).as(phone[3] + " from inside a group")
					.noneMatch(m -> m.record().id().equals(phone[0]));
			}
		}
	}

	private static long tailRows(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM crm_phone_tail").query(Long.class).single();
	}

	private static void checkSettings(Before before, ApiClient api) {
		JsonNode settings = ok(api.get(ApiClient.ADMIN, "/api/admin/settings"));
		before.settings().forEach(s -> assertContains(settings.path(s.section()), JSON.readTree(s.document()), s.section()));
	}

	private static void checkRules(Before before, ApiClient api) {
		JsonNode rules = ok(api.get(ApiClient.ADMIN, "/api/admin/notifications/rules")).path("rules");
		for (RuleRow rule : before.rules()) {
			JsonNode now = find(rules, "id", rule.id());
			assertThat(now.path("name").asString()).isEqualTo(rule.name());
			assertThat(now.path("object").asString()).isEqualTo(rule.object());
			assertThat(now.path("template").asString()).isEqualTo(rule.template());
			assertThat(now.path("active").asBoolean()).isEqualTo(rule.active());
			assertThat(now.path("trackedFields").valueStream().map(JsonNode::asString).collect(Collectors.joining(",")))
				.isEqualTo(rule.trackedFields());
		}
	}

	private static void checkSpaces(Before before, ApiClient api) {
		for (SpaceRow space : before.spaces()) {
			// A Webex Admin sees every linked space (the fresh sandbox has none of the old rooms, so members see none).
			JsonNode spaces = ok(api.get(ApiClient.ADMIN, "/api/records/" + space.object() + "/" + space.recordId() + "/spaces"))
				.path("spaces");
			JsonNode now = find(spaces, "spaceId", space.id());
			assertThat(now.path("roomId").asString()).isEqualTo(space.roomId());
			assertThat(now.path("title").asString()).isEqualTo(space.title());
		}
	}

	private static void checkCalls(Before before, ApiClient api) {
		JsonNode drafts = ok(api.get(ApiClient.AGENT, "/api/calling/drafts")).path("drafts");
		for (CallRow call : before.calls()) {
			if ("draft".equals(call.logStatus())) {
				assertThat(find(drafts, "callId", call.id()).path("direction").asString()).isEqualToIgnoringCase(call.direction());
			}
			if (call.taskId() == null) {
				continue;
			}
			JsonNode task = ok(api.get(ApiClient.AGENT, "/api/records/Task/" + call.taskId())).path("fields");
			assertContains(task, JSON.readTree(call.taskFields()), "Task " + call.taskId());
		}
	}

	private static void checkIntegration(Before before, ApiClient api) {
		JsonNode integration = ok(api.get(ApiClient.ADMIN, "/api/admin/integration"));
		assertThat(integration.path("registered").asBoolean()).isTrue();
		assertThat(integration.path("registration").path("email").asString()).isEqualTo(before.registeredEmail());
		assertThat(integration.path("linkedUsers").asInt()).isEqualTo(before.linkedUsers());
		List<String> webhooks = integration.path("webhooks").valueStream().map(w -> w.path("id").asString()).toList();
		assertThat(webhooks).containsAll(before.webhookIds());
	}

	/** Every field the old release stored has the same value now; a later release may add fields. */
	private static void assertContains(JsonNode actual, JsonNode expected, String where) {
		if (expected.isObject()) {
			expected.properties().forEach(e -> assertContains(actual.path(e.getKey()), e.getValue(), where + "." + e.getKey()));
		}
		else if (expected.isArray()) {
			assertThat(actual.size()).as(where).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertContains(actual.path(i), expected.path(i), where + "[" + i + "]");
			}
		}
		else {
			assertThat(actual.asString()).as(where).isEqualTo(expected.asString());
		}
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		return array.valueStream().filter(n -> value.equals(n.path(field).asString())).findFirst()
			.orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
	}

	private static JsonNode ok(ApiClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static InputStream resource(String name) {
		return UpgradeTests.class.getResourceAsStream("/upgrade/" + name);
	}

	/** The dump, in a schema of this run's own; psql's {@code \restrict} lines are not SQL. */
	private static String postgresDump(String schema) throws IOException {
		try (InputStream in = new GZIPInputStream(resource("postgresql-v8.sql.gz"))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("\\"))
				.map(line -> line.replace("switchboard_upgrade", schema)).collect(Collectors.joining("\n"));
		}
	}

	/** What the earlier release stored, read with V8's own SQL. */
	private record Before(List<SettingRow> settings, List<RuleRow> rules, List<SpaceRow> spaces, List<CallRow> calls,
			String registeredEmail, int linkedUsers, List<String> webhookIds) {

		static Before read(Connection c) throws SQLException {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
			return new Before(
					jdbc.query("SELECT section, document FROM platform_setting", (rs, i) -> new SettingRow(rs.getString(1), rs.getString(2))),
					jdbc.query("SELECT id, name, object_name, tracked_fields, template, active FROM notification_rule",
							(rs, i) -> new RuleRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6))),
					jdbc.query("SELECT id, object_name, record_id, room_id, title FROM messaging_space",
							(rs, i) -> new SpaceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))),
					jdbc.query("SELECT c.id, c.direction, c.log_status, c.task_id, t.field_values FROM calling_call c LEFT JOIN crm_record t ON t.id = c.task_id",
							(rs, i) -> new CallRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))),
					jdbc.queryForObject("SELECT email FROM admin_integration WHERE id = 1", String.class),
					jdbc.queryForObject("SELECT COUNT(*) FROM webex_account", Integer.class),
					jdbc.queryForList("SELECT id FROM webex_webhook", String.class));
		}
	}

	private record SettingRow(String section, String document) {
	}

	private record RuleRow(String id, String name, String object, String trackedFields, String template, boolean active) {
	}

	private record SpaceRow(String id, String object, String recordId, String roomId, String title) {
	}

	private record CallRow(String id, String direction, String logStatus, String taskId, String taskFields) {
	}
}
