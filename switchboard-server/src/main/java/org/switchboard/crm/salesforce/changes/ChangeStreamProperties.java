package org.switchboard.crm.salesforce.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Change Data Capture subscriber ({@code switchboard.salesforce.pubsub.*}).
 *
 * @param host the Pub/Sub API host ({@code api.pubsub.salesforce.com}; the double: 127.0.0.1)
 * @param plaintext true only for the local double (Salesforce requires TLS)
 * @param topic the change event channel: {@code /data/ChangeEvents} or a custom channel
 * @param batchSize events asked for at a time ({@code num_requested}, at most 100)
 * @param lease how long a replica holds the subscription without renewing it
 * @param minBackoff first wait before reconnecting after a failure; doubles up to {@code maxBackoff}
 */
@ConfigurationProperties("switchboard.salesforce.pubsub")
public record ChangeStreamProperties(@DefaultValue("api.pubsub.salesforce.com") String host, @DefaultValue("7443") int port,
		@DefaultValue("false") boolean plaintext, @DefaultValue("/data/ChangeEvents") String topic,
		@DefaultValue("100") int batchSize, @DefaultValue("30s") Duration lease, @DefaultValue("1s") Duration minBackoff,
		@DefaultValue("60s") Duration maxBackoff) {

	public ChangeStreamProperties {
		if (batchSize < 1 || batchSize > 100) {
			throw new IllegalArgumentException("switchboard.salesforce.pubsub.batch-size must be 1 to 100, not " + batchSize);
		}
	}
}
