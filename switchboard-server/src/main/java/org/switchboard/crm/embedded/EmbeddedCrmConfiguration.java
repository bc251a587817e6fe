package org.switchboard.crm.embedded;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/** Wires the embedded CRM store, the default backend ({@code switchboard.crm=embedded}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${switchboard.crm:embedded}' == 'embedded'")
class EmbeddedCrmConfiguration {

	@Bean
	EmbeddedSchema embeddedSchema(JdbcClient jdbc, Clock clock) {
		return new EmbeddedSchema(new CustomDefinitions(jdbc), clock);
	}

	@Bean
	PhoneRegion phoneRegion(SettingsStore settings, SettingsSection<GeneralSettings> general) {
		return new PhoneRegion(settings, general);
	}

	@Bean
	RecordTable recordTable(JdbcClient jdbc, JdbcTemplate template) {
		return new RecordTable(jdbc, template);
	}

	@Bean
	PhoneReindexer phoneReindexer(EmbeddedSchema schema, RecordTable table, PhoneRegion region, JdbcClient jdbc,
			TransactionTemplate transactions) {
		return new PhoneReindexer(schema, table, region, jdbc, transactions);
	}

	/** After a crash during a bulk load, the indexes it deferred are built before anything reads the store. */
	@Bean
	DeferredIndexes deferredIndexes(JdbcTemplate template) {
		DeferredIndexes deferred = new DeferredIndexes(template);
		deferred.restoreMissing();
		return deferred;
	}

	@Bean
	EmbeddedCrmRecords embeddedCrmRecords(EmbeddedSchema schema, RecordTable table, JdbcClient jdbc,
			PhoneRegion region, ApplicationEventPublisher events, Clock clock, DeferredIndexes deferred) {
		RecordWriter writer = new RecordWriter(schema, table, new RecordIds(jdbc), region, jdbc, events, clock);
		return new EmbeddedCrmRecords(schema, table, writer, region, deferred);
	}
}
