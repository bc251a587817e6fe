package org.switchboard.notifications.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.RecordChanged;
import org.switchboard.notifications.delivery.Dispatcher;
import org.switchboard.notifications.delivery.NewDelivery;
import org.switchboard.notifications.delivery.Outbox;
import org.switchboard.notifications.rules.CompiledRule;
import org.switchboard.notifications.rules.RuleCache;
import org.switchboard.notifications.spaces.Space;
import org.switchboard.notifications.spaces.RecordRooms;

/**
 * Turns record changes into outbox rows. For a CRM kept in our database, synchronously in the writing transaction, so a
 * change and its notifications commit (or roll back) together. A remote CRM's record is read over HTTP, which no
 * transaction may wait for: its changes are queued after their commit ({@link RemoteChanges}, ADR 0040). Rules are
 * matched from the cache before anything is read.
 */
@Component
class NotificationEngine {

	private final RuleCache rules;
	private final RecordRooms spaces;
	private final MessageRenderer renderer;
	private final Outbox outbox;
	private final Dispatcher dispatcher;
	private final TransactionTemplate transactions;
	private final Clock clock;

	NotificationEngine(RuleCache rules, RecordRooms spaces, MessageRenderer renderer, Outbox outbox, Dispatcher dispatcher,
			TransactionTemplate transactions, Clock clock) {
		this.rules = rules;
		this.spaces = spaces;
		this.renderer = renderer;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.transactions = transactions;
		this.clock = clock;
	}

	@EventListener
	void on(RecordChanged change) {
		if (!renderer.readsOurDatabase()) {
			return;
		}
		List<NewDelivery> rows = deliveries(change);
		if (!rows.isEmpty()) {
			outbox.enqueue(rows, clock.instant());
			wakeDispatcherAfterCommit();
		}
	}

	/** A remote CRM's committed change: rendered with no transaction open, then queued in a short one. */
	void queueCommitted(RecordChanged change) {
		List<NewDelivery> rows = deliveries(change);
		if (!rows.isEmpty()) {
			transactions.executeWithoutResult(tx -> outbox.enqueue(rows, clock.instant()));
			dispatcher.wake();
		}
	}

	/** One row per matching rule and space of the record, rendered with the record as it is now; none for most changes. */
	private List<NewDelivery> deliveries(RecordChanged change) {
		if (change.kind() != RecordChanged.Kind.UPDATED) {
			return List.of();
		}
		List<CompiledRule> matching = rules.activeRules(change.object()).stream().filter(r -> r.matches(change)).toList();
		if (matching.isEmpty()) {
			return List.of();
		}
		List<Space> rooms = spaces.ofRecord(change.recordId());
		if (rooms.isEmpty()) {
			return List.of();
		}
		List<String> texts = renderer.render(change, matching);
		String key = ChangeKey.of(change);
		List<NewDelivery> rows = new ArrayList<>();
		for (int i = 0; i < matching.size(); i++) {
			CompiledRule rule = matching.get(i);
			for (Space space : rooms) {
				rows.add(new NewDelivery(key, rule.rule().id(), rule.rule().name(), change.object(), change.recordId(), space.spaceId(),
						space.roomId(), texts.get(i)));
			}
		}
		return rows;
	}

	private void wakeDispatcherAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.wake();
				}
			});
		}
		else {
			dispatcher.wake();
		}
	}
}
