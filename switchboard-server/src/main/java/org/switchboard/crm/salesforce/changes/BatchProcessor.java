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
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.RecordChanged;
import org.switchboard.crm.TrackedFields;

import com.salesforce.eventbus.protobuf.ConsumerEvent;

/**
 * Processes one batch of change events: decode each with its schema and re-read the records of gap events through
 * the CRM port (remote calls, before any transaction), then in ONE transaction publish the {@link RecordChanged}
 * events (whose listeners, such as the notification engine, write in that transaction), update the last-known
 * values and store the batch's last replay id. A batch is thus applied entirely or not at all, and a restart resumes
 * after the last applied batch.
 */
class BatchProcessor {

	private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);
	static final int OVERFLOW_REREAD_LIMIT = 2000;

	private final SchemaCache schemas;
	private final ChangeEventDecoder decoder = new ChangeEventDecoder();
	private final CrmRecords records;
	private final TrackedFields tracked;
	private final KnownValues knownValues;
	private final ReplayStore replay;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String ownClient;

	/**
	 * @param ownClient the client name this server's adapter sends in {@code Sforce-Call-Options}: events whose
	 *        {@code changeOrigin} names it update the last-known values but publish no RecordChanged (the adapter did)
	 */
	BatchProcessor(SchemaCache schemas, CrmRecords records, TrackedFields tracked, KnownValues knownValues, ReplayStore replay,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, String ownClient) {
		this.ownClient = ownClient;
		this.schemas = schemas;
		this.records = records;
		this.tracked = tracked;
		this.knownValues = knownValues;
		this.replay = replay;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Applies the batch; returns the number of RecordChanged events published. */
	int process(List<ConsumerEvent> batch, PubSubClient.Credentials credentials, String leaseHolder) {
		List<CdcEvent> decoded = new ArrayList<>(batch.size());
		for (ConsumerEvent event : batch) {
			decoded.add(decoder.decode(schemas.get(event.getEvent().getSchemaId(), credentials), event.getEvent().getPayload().toByteArray()));
		}
		List<CdcEvent> expanded = decoded.stream().map(this::expandOverflow).toList();
		Map<String, Map<String, Object>> current = reread(expanded);
		byte[] lastReplayId = batch.get(batch.size() - 1).getReplayId().toByteArray();
		Integer published = transactions.execute(status -> apply(expanded, current, lastReplayId, batch.size(), leaseHolder));
		return published == null ? 0 : published;
	}

	private int apply(List<CdcEvent> batch, Map<String, Map<String, Object>> current, byte[] replayId, int size, String holder) {
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
		replay.processed(holder, replayId, size, clock.instant());
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
				event.transactionKey(), event.changeOrigin());
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
