package org.switchboard.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The product's datasource on PostgreSQL batches inserts as multi-row statements, whatever URL the operator gives. */
class PostgresBatchedInsertsTests {

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withUserConfiguration(PostgresBatchedInserts.class)
		.withPropertyValues("spring.datasource.username=postgres", "spring.datasource.password=");

	@Test
	void aPostgresUrlWithoutTheOptionGetsItOnItsConnections() {
		contexts.withPropertyValues("spring.datasource.url=" + URL).run(context -> {
			try (Connection connection = context.getBean(DataSource.class).getConnection()) {
				assertThat(connection.unwrap(PgConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
			}
		});
	}

	@Test
	void theOperatorsOwnValueInTheUrlWins() {
		contexts.withPropertyValues("spring.datasource.url=" + URL + "?reWriteBatchedInserts=false").run(context -> {
			try (Connection connection = context.getBean(DataSource.class).getConnection()) {
				assertThat(connection.unwrap(PgConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isFalse();
			}
		});
	}

	@Test
	void anH2UrlIsLeftAloneAndStillConnects() {
		contexts.withPropertyValues("spring.datasource.url=jdbc:h2:mem:batched;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa").run(context -> {
			try (Connection connection = context.getBean(DataSource.class).getConnection()) {
				assertThat(connection.isValid(2)).isTrue();
			}
			assertThat(context.getBean(com.zaxxer.hikari.HikariDataSource.class).getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
		});
	}
}
