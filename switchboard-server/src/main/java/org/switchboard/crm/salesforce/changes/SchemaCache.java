package org.switchboard.crm.salesforce.changes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/** Event schemas by schema id, fetched once each with GetSchema (a schema never changes under its id). */
class SchemaCache {

	private final PubSubClient client;
	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	SchemaCache(PubSubClient client) {
		this.client = client;
	}

	Schema get(String schemaId, PubSubClient.Credentials credentials) {
		Schema cached = schemas.get(schemaId);
		if (cached != null) {
			return cached;
		}
		Schema schema = new Schema.Parser().parse(client.schemaJson(schemaId, credentials));
		schemas.put(schemaId, schema);
		return schema;
	}

	int size() {
		return schemas.size();
	}
}
