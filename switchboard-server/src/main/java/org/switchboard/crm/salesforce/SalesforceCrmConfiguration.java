package org.switchboard.crm.salesforce;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.embedded.PhoneRegion;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the Salesforce adapter ({@code --switchboard.crm=salesforce}).
 * Settings: {@code switchboard.salesforce.describe-ttl} (how long a describe is trusted before If-Modified-Since, 5m),
 * {@code switchboard.salesforce.retry-backoff} (first retry delay for 503/REQUEST_LIMIT_EXCEEDED/UNABLE_TO_LOCK_ROW, 200ms),
 * {@code switchboard.salesforce.bulk.threshold} (from how many records a batch create uses Bulk API 2.0, 1000),
 * {@code switchboard.salesforce.bulk.first-poll} (first pause between job state polls, doubled up to 10 s, 500ms),
 * {@code switchboard.salesforce.bulk.timeout} (how long a caller waits for a job, 30m; ADR 0027),
 * {@code switchboard.salesforce.client-name} (sent as {@code Sforce-Call-Options: client=…}; change events from our own
 * writes carry it in {@code changeOrigin} and are not published again, "switchboard").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${switchboard.crm:embedded}' == 'salesforce'")
class SalesforceCrmConfiguration {

	@Bean
	OAuthClient salesforceOAuthClient(JsonMapper json) {
		return new OAuthClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), json);
	}

	@Bean
	SalesforceConnection salesforceConnection(OAuthClient oauth, JdbcClient jdbc, Secrets secrets, TransactionTemplate transactions, Clock clock) {
		return new SalesforceConnection(oauth, new JdbcLinkStore(jdbc, secrets, transactions, clock));
	}

	@Bean
	SalesforceConnector salesforceConnector(OAuthClient oauth, SalesforceConnection connection) {
		return new SalesforceConnector(oauth, connection);
	}

	@Bean
	SalesforceSignIn salesforceSignIn(OAuthClient oauth, JsonMapper json, Clock clock, SalesforceConnection connection) {
		return new SalesforceSignIn(oauth, new IdTokenVerifier(oauth, json, clock), connection);
	}

	@Bean
	SalesforceApi salesforceApi(SalesforceConnection connection, JsonMapper json,
			@Value("${switchboard.salesforce.retry-backoff:200ms}") Duration backoff,
			@Value("${switchboard.salesforce.client-name:switchboard}") String clientName) {
		return new SalesforceApi(connection, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), json, backoff, clientName);
	}

	@Bean
	SalesforceSchema salesforceSchema(SalesforceApi api, Clock clock, @Value("${switchboard.salesforce.describe-ttl:5m}") Duration ttl) {
		return new SalesforceSchema(api, clock, ttl);
	}

	@Bean
	PhoneRegion phoneRegion(SettingsStore settings, SettingsSection<GeneralSettings> general) {
		return new PhoneRegion(settings, general);
	}

	@Bean
	SalesforceRecords salesforceRecords(SalesforceApi api, SalesforceSchema schema, PhoneRegion region, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, JdbcClient jdbc,
			@Value("${switchboard.salesforce.bulk.threshold:1000}") int bulkThreshold,
			@Value("${switchboard.salesforce.bulk.first-poll:500ms}") Duration firstPoll,
			@Value("${switchboard.salesforce.bulk.timeout:30m}") Duration bulkTimeout) {
		SalesforceReads reads = new SalesforceReads(api, schema);
		SalesforceBulk bulk = new SalesforceBulk(api, new BulkJobs(jdbc, transactions.getTransactionManager(), clock), firstPoll, bulkTimeout);
		return new SalesforceRecords(schema, reads, new SalesforceWrites(api, bulk, bulkThreshold), new SalesforcePhones(reads, schema, region),
				new ChangePublisher(events, transactions, clock));
	}
}
