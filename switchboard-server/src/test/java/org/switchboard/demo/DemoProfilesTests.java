package org.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.SwitchboardApplication;
import org.switchboard.crm.CrmRecords;

/** Demo users (published password) only on the embedded default; the prod profile refuses to start with one. */
class DemoProfilesTests {

	@Test
	void thePostgresProfileSeedsNoDemoUsers() throws Exception {
		String schema = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (ConfigurableApplicationContext server = start("postgres",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
				"--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true")) {
			assertThat(server.getBean(CrmRecords.class).findByField("User", "Username", DemoUsers.ADMIN)).isEmpty();
		}
		finally {
			try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
					var statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

	@Test
	void theProdProfileRefusesToStartWithADemoAccount() {
		String database = "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		// The embedded default seeds the demo users into the database; a prod start on it must refuse.
		start("default", database).close();

		assertThatThrownBy(() -> start("prod", database).close())
			.hasMessageContaining("Refusing to start under the prod profile").hasMessageContaining(DemoUsers.ADMIN);
		assertThatThrownBy(() -> start("prod", database, "--switchboard.demo.enabled=true").close())
			.hasMessageContaining("switchboard.demo.enabled=true");
	}

	private static ConfigurableApplicationContext start(String profile, String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--switchboard.webex.sandbox.enabled=false";
		all[args.length + 1] = "--switchboard.secrets.key=test-key";
		return new SpringApplicationBuilder(SwitchboardApplication.class).profiles(profile)
			.web(WebApplicationType.NONE).run(all);
	}
}
