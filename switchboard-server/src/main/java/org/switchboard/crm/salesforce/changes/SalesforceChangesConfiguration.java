package org.switchboard.crm.salesforce.changes;

import java.time.Clock;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.TrackedFields;
import org.switchboard.crm.salesforce.SalesforceSession;
import org.switchboard.platform.lease.Leases;

import tools.jackson.databind.json.JsonMapper;

/** Wires the Change Data Capture subscriber (see {@link SalesforceChangesCondition} for when). */
@Configuration(proxyBeanMethods = false)
@Conditional(SalesforceChangesCondition.class)
@EnableConfigurationProperties(ChangeStreamProperties.class)
class SalesforceChangesConfiguration {

	@Bean(destroyMethod = "close")
	PubSubClient salesforcePubSubClient(ChangeStreamProperties properties, SalesforceSession session, ObjectProvider<PubSubEndpoint> endpoint) {
		PubSubEndpoint local = endpoint.getIfAvailable();
		return local == null ? new PubSubClient(properties, session) : new PubSubClient(local, session);
	}

	@Bean
	ReplayStore salesforceReplayStore(JdbcClient jdbc, ChangeStreamProperties properties) {
		return new ReplayStore(jdbc, properties.topic());
	}

	@Bean
	StreamState salesforceChangeStreamStatus(ReplayStore store, ChangeStreamProperties properties) {
		return new StreamState(store, properties.topic());
	}

	@Bean
	DeadLetters salesforceChangeDeadLetterStore(JdbcClient jdbc, ChangeStreamProperties properties) {
		return new DeadLetters(jdbc, properties.topic());
	}

	@Bean
	BatchProcessor salesforceChangeBatches(PubSubClient client, CrmRecords records, ObjectProvider<TrackedFields> tracked,
			JdbcClient jdbc, JsonMapper json, ReplayStore replay, DeadLetters deadLetters, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock, @Value("${switchboard.salesforce.client-name:switchboard}") String clientName) {
		return new BatchProcessor(new SchemaCache(client), records, trackedOrNone(tracked), new KnownValues(jdbc, json), replay, deadLetters,
				transactions, events, clock, clientName);
	}

	@Bean(destroyMethod = "close")
	PriorBackfill salesforcePriorBackfill(ObjectProvider<TrackedFields> tracked, CrmRecords records, JdbcClient jdbc, JsonMapper json,
			TransactionTemplate transactions, Clock clock) {
		return new PriorBackfill(trackedOrNone(tracked), records, new KnownValues(jdbc, json), transactions, clock);
	}

	private static TrackedFields trackedOrNone(ObjectProvider<TrackedFields> tracked) {
		return tracked.getIfAvailable(() -> object -> Set.of());
	}

	@Bean
	DeadLetterReplay salesforceChangeDeadLetters(DeadLetters deadLetters, BatchProcessor processor, PubSubClient client, Clock clock) {
		return new DeadLetterReplay(deadLetters, processor, client, clock);
	}

	@Bean
	ChangeSubscriber salesforceChangeSubscriber(ChangeStreamProperties properties, SalesforceSession session, PubSubClient client,
			BatchProcessor processor, ReplayStore replay, StreamState state, Clock clock, Leases leases) {
		return new ChangeSubscriber(properties, session, client, processor, replay, state, clock, leases);
	}
}
