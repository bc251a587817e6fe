package org.switchboard.crm.salesforce.changes;

/**
 * Where the subscriber connects when a bean says so (the local Salesforce double's Pub/Sub API, whose port is only
 * known once it started); without such a bean, {@code switchboard.salesforce.pubsub.host/port/plaintext} apply.
 */
public record PubSubEndpoint(String host, int port, boolean plaintext) {
}
