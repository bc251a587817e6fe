package org.switchboard.crm.salesforce.changes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.RecordChanged;
import org.switchboard.crm.TrackedFields;
import org.switchboard.platform.lease.Leases.Lease;

import com.salesforce.eventbus.protobuf.ConsumerEvent;

import io.grpc.StatusRuntimeException;

/**
 * Processes one batch of change events: decode each with its schema, rebuild diff-encoded text ({@link TextDiffs}), and re-read the
 * records of gap events through the CRM port (remote calls, before any transaction), then in ONE transaction publish
 * the {@link RecordChanged} events (synchronous listeners write in that transaction; the notification engine's
 * publication is stored in it and rendered after the commit, ADR 0040),
 * update the last-known values and store the batch's last replay id. A batch is thus applied entirely or not at all,
 * and a restart resumes after the last applied batch. An event that cannot be decoded, or whose processing fails on
 * its own (the batch is retried one event at a time to find it), becomes a {@link DeadLetters dead letter} in the
 * transaction that moves the stream past it; failures of the database, the lease or Salesforce are not the event's
 * fault and fail the batch (retried with backoff).
 */
class BatchProcessor {

	private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);
	static final int OVERFLOW_REREAD_LIMIT = 2000;

	/** An event as received, decoded (null when it could not be) or with the reason it failed. */
	private record Item(ConsumerEvent raw, CdcEvent event, String error) {

		Item failed(String reason) {
			return new Item(raw, event, reason);
		}
	}

	private final SchemaCache schemas;
	private final ChangeEventDecoder decoder = new ChangeEventDecoder();
	private final TextDiffs diffs;
	private final CrmRecords records;
	private final TrackedFields tracked;
	private final KnownValues knownValues;
	private final ReplayStore replay;
	private final DeadLetters deadLetters;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String ownClient;

	/**
	 * @param ownClient the client name this server's adapter sends in {@code Sforce-Call-Options}: events whose
	 *        {@code changeOrigin} names it update the last-known values but publish no RecordChanged (the adapter did)
	 */
	BatchProcessor(SchemaCache schemas, CrmRecords records, TrackedFields tracked, KnownValues knownValues, ReplayStore replay,
			DeadLetters deadLetters, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, String ownClient) {
		this.ownClient = ownClient;
		this.schemas = schemas;
		this.records = records;
		this.tracked = tracked;
		this.knownValues = knownValues;
		this.diffs = new TextDiffs(knownValues, records);
		this.replay = replay;
		this.deadLetters = deadLetters;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Applies the batch; returns the number of RecordChanged events published. */
	int process(List<ConsumerEvent> batch, PubSubClient.Credentials credentials, Lease lease) {
		List<Item> items = new ArrayList<>(batch.size());
		for (ConsumerEvent event : batch) {
			items.add(decode(event, credentials));
		}
		try {
			return apply(items, lease);
		}
		catch (RuntimeException e) {
			if (!theEventsFault(e) || items.size() == 1 && items.get(0).error() != null) {
				throw e;
			}
			log.warn("A batch of {} change events failed ({}); applying them one at a time to find the one that fails", items.size(), e.toString());
			int published = 0;
			for (Item item : items) {
				published += applyAlone(item, lease);
			}
			return published;
		}
	}

	/** Decodes a stored event again (a dead letter's replay); Salesforce's errors propagate, the event's own throw. */
	CdcEvent decode(String schemaId, byte[] payload, PubSubClient.Credentials credentials) {
		return decoder.decode(schemas.get(schemaId, credentials), payload);
	}

	/** Publishes one event's changes as if it arrived now, running {@code alsoInTransaction} in the same transaction. */
	int replay(CdcEvent event, Runnable alsoInTransaction) {
		List<CdcEvent> expanded = diffs.resolve(List.of(expandOverflow(event)));
		Map<String, Map<String, Object>> current = reread(expanded);
		Integer published = transactions.execute(status -> {
			int count = publish(expanded, current);
			alsoInTransaction.run();
			return count;
		});
		return published == null ? 0 : published;
	}

	/** Whether a failure lies with the events themselves rather than the database, the lease or Salesforce. */
	static boolean theEventsFault(RuntimeException e) {
		return !(e instanceof ReplayStore.LeaseLostException || e instanceof StatusRuntimeException || e instanceof TransientDataAccessException
				|| e instanceof RecoverableDataAccessException || e instanceof DataAccessResourceFailureException
				|| e instanceof CannotCreateTransactionException);
	}

	private Item decode(ConsumerEvent event, PubSubClient.Credentials credentials) {
		try {
			return new Item(event, decode(event.getEvent().getSchemaId(), event.getEvent().getPayload().toByteArray(), credentials), null);
		}
		catch (StatusRuntimeException e) {
			throw e;
		}
		catch (RuntimeException e) {
			log.warn("A change event could not be decoded and is kept as a dead letter: {}", e.toString());
			return new Item(event, null, "Could not decode: " + e);
		}
	}

	private int applyAlone(Item item, Lease lease) {
		try {
			return apply(List.of(item), lease);
		}
		catch (RuntimeException e) {
			if (!theEventsFault(e) || item.error() != null) {
				throw e;
			}
			log.warn("A change event of {} {} could not be processed and is kept as a dead letter: {}", item.event().entity(),
					item.event().recordIds(), e.toString());
			return apply(List.of(item.failed("Could not process: " + e)), lease);
		}
	}

	private int apply(List<Item> items, Lease lease) {
		List<CdcEvent> good = diffs.resolve(items.stream().filter(i -> i.error() == null).map(i -> expandOverflow(i.event())).toList());
		Map<String, Map<String, Object>> current = reread(good);
		byte[] lastReplayId = items.get(items.size() - 1).raw().getReplayId().toByteArray();
		Integer published = transactions.execute(status -> {
			int count = publish(good, current);
			items.stream().filter(i -> i.error() != null).forEach(i -> deadLetters.store(i.raw(), i.event(), i.error(), clock.instant()));
			replay.processed(lease, lastReplayId, items.size(), clock.instant());
			return count;
		});
		return published == null ? 0 : published;
	}

	private int publish(List<CdcEvent> batch, Map<String, Map<String, Object>> current) {
		Set<String> ids = new LinkedHashSet<>();
		batch.forEach(e -> ids.addAll(e.recordIds()));
		ChangeTranslator translator = new ChangeTranslator(knownValues.of(ids));
		Map<String, Set<String>> trackedByEntity = new HashMap<>();
		int published = 0;
		for (CdcEvent event : batch) {
			Set<String> fields = trackedByEntity.computeIfAbsent(event.entity(), tracked::of);
			boolean ours = event.madeBy(ownClient);
			for (RecordChanged change : translator.translate(event, fields, current)) {
				if (!ours) {
					events.publishEvent(change);
					published++;
				}
			}
		}
		translator.touched().forEach((id, object) -> {
			Map<String, Object> values = translator.known().get(id);
			if (values == null) {
				knownValues.remove(id);
			}
			else {
				knownValues.put(object, id, values, clock.instant());
			}
		});
		return published;
	}

	/** An overflow event names no records: re-read those of its entity whose values we keep. */
	private CdcEvent expandOverflow(CdcEvent event) {
		if (!event.changeType().equals("GAP_OVERFLOW")) {
			return event;
		}
		List<String> kept = knownValues.recordsOf(event.entity(), OVERFLOW_REREAD_LIMIT);
		log.warn("Salesforce reported an overflow of {} changes; re-reading the {} records whose tracked values are kept",
				event.entity(), kept.size());
		return new CdcEvent(event.entity(), kept, event.changeType(), List.of(), Map.of(), event.commitUser(), event.commitTimestamp(),
				event.transactionKey(), event.changeOrigin(), List.of());
	}

	/** Gap events carry no values: the records' tracked fields as they are now, read through the CRM port. */
	private Map<String, Map<String, Object>> reread(List<CdcEvent> batch) {
		Map<String, Map<String, Object>> current = new HashMap<>();
		for (CdcEvent event : batch) {
			if (!event.gap() || event.changeType().equals("GAP_DELETE")) {
				continue;
			}
			Set<String> fields = tracked.of(event.entity());
			if (fields.isEmpty()) {
				continue;
			}
			for (String id : event.recordIds()) {
				try {
					current.put(id, new HashMap<>(records.get(event.entity(), id, fields).fields()));
				}
				catch (CrmException e) {
					log.warn("Could not re-read {} {} after a gap event: {}", event.entity(), id, e.getMessage());
				}
			}
		}
		return current;
	}
}
