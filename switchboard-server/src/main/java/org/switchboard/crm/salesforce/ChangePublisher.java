package org.switchboard.crm.salesforce;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;

/**
 * Publishes {@link RecordChanged} for the adapter's own writes once Salesforce has accepted them, in a short local
 * transaction of its own (the event publication registry is transactional), never around the remote call.
 */
class ChangePublisher {

	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	ChangePublisher(ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	void created(String object, String id, Map<String, Object> values, String actorId) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		values.forEach((field, value) -> {
			if (value != null) {
				changes.put(field, new FieldChange(null, value));
			}
		});
		publish(new RecordChanged(object, id, RecordChanged.Kind.CREATED, changes, actorId, clock.instant()));
	}

	/** Publishes the fields that differ between the two reads; nothing when none does. */
	void updated(CrmRecord before, CrmRecord after, String actorId) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		after.fields().forEach((field, value) -> {
			Object old = before.get(field);
			if (!Objects.equals(normal(old), normal(value)) && !field.equals("LastModifiedDate") && !field.equals("SystemModstamp")
					&& !field.equals("LastModifiedById")) {
				changes.put(field, new FieldChange(old, value));
			}
		});
		if (!changes.isEmpty()) {
			publish(new RecordChanged(after.object(), after.id(), RecordChanged.Kind.UPDATED, changes, actorId, clock.instant()));
		}
	}

	void deleted(CrmRecord before, String actorId) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		before.fields().forEach((field, value) -> {
			if (value != null) {
				changes.put(field, new FieldChange(value, null));
			}
		});
		publish(new RecordChanged(before.object(), before.id(), RecordChanged.Kind.DELETED, changes, actorId, clock.instant()));
	}

	private void publish(RecordChanged changed) {
		transactions.executeWithoutResult(tx -> events.publishEvent(changed));
	}

	private static Object normal(Object value) {
		return value instanceof java.math.BigDecimal number ? number.stripTrailingZeros() : value;
	}
}
