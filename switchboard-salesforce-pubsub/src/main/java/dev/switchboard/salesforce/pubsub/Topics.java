package dev.switchboard.salesforce.pubsub;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.salesforce.eventbus.protobuf.ConsumerEvent;

/** The change event channels: {@code /data/ChangeEvents} (every entity) and {@code /data/<Entity>ChangeEvent}. */
final class Topics {

	static final String ALL = "/data/ChangeEvents";

	private static final Pattern ENTITY_CHANNEL = Pattern.compile("/data/([A-Za-z][A-Za-z0-9_]*)ChangeEvent");

	private final ChangeEventSchemas schemas;

	Topics(ChangeEventSchemas schemas) {
		this.schemas = schemas;
	}

	/** Which events the topic carries; throws for a name that is no change event channel. */
	Predicate<ConsumerEvent> filter(String topicName) {
		if (ALL.equals(topicName)) {
			return e -> true;
		}
		if (topicName == null || !ENTITY_CHANNEL.matcher(topicName).matches()) {
			throw new IllegalArgumentException("Topic " + topicName + " does not exist; change events are on " + ALL
					+ " or /data/<Object>ChangeEvent");
		}
		String eventName = topicName.substring("/data/".length());
		return e -> schemas.byId(e.getEvent().getSchemaId()).map(s -> s.getName().equals(eventName)).orElse(false);
	}

	/** The entity an entity channel carries, or null for {@link #ALL}. */
	static String entityOf(String topicName) {
		if (ALL.equals(topicName)) {
			return null;
		}
		String eventName = topicName.substring("/data/".length(), topicName.length() - "ChangeEvent".length());
		return eventName.endsWith("__") ? eventName + "c" : eventName;
	}
}
