package org.switchboard.platform.storage;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns on the PostgreSQL driver's {@code reWriteBatchedInserts} for the product's datasource, whatever URL the operator
 * gives: JDBC batches of inserts (the import's report rows, the outbox) then travel as multi-row INSERTs instead of one
 * statement each. Only for {@code jdbc:postgresql:} URLs (H2 refuses settings it does not know), and never over a
 * value the operator set in the URL or in {@code spring.datasource.hikari.data-source-properties}.
 */
@Configuration(proxyBeanMethods = false)
class PostgresBatchedInserts {

	static final String PROPERTY = "reWriteBatchedInserts";

	@Bean
	static BeanPostProcessor batchedInsertsOnPostgres() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof HikariDataSource pool) {
					apply(pool);
				}
				return bean;
			}
		};
	}

	static void apply(HikariDataSource pool) {
		String url = pool.getJdbcUrl();
		if (url != null && url.startsWith("jdbc:postgresql:") && !url.toLowerCase(Locale.ROOT).contains(PROPERTY.toLowerCase(Locale.ROOT))
				&& !pool.getDataSourceProperties().containsKey(PROPERTY)) {
			pool.addDataSourceProperty(PROPERTY, "true");
		}
	}
}
