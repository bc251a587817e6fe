package org.switchboard.notifications.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.switchboard.crm.RecordChanged;
import org.switchboard.notifications.delivery.Dispatcher;
import org.switchboard.notifications.delivery.NewDelivery;
import org.switchboard.notifications.delivery.Outbox;
import org.switchboard.notifications.rules.CompiledRule;
import org.switchboard.notifications.rules.RuleCache;
import org.switchboard.notifications.spaces.Space;
import org.switchboard.notifications.spaces.RecordRooms;

/**
 * Turns record changes into outbox rows, synchronously in the writing transaction, so a change and its
 * notifications commit (or roll back) together. Rules are matched from the cache before anything is read.
 */
@Component
class NotificationEngine {

	private final RuleCache rules;
	private final RecordRooms spaces;
	private final MessageRenderer renderer;
	private final Outbox outbox;
	private final Dispatcher dispatcher;
	private final Clock clock;

	NotificationEngine(RuleCache rules, RecordRooms spaces, MessageRenderer renderer, Outbox outbox, Dispatcher dispatcher, Clock clock) {
		this.rules = rules;
		this.spaces = spaces;
		this.renderer = renderer;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@EventListener
	void on(RecordChanged change) {
		if (change.kind() != RecordChanged.Kind.UPDATED) {
			return;
		}
		List<CompiledRule> matching = rules.activeRules(change.object()).stream().filter(r -> r.matches(change)).toList();
		if (matching.isEmpty()) {
			return;
		}
		List<Space> rooms = spaces.ofRecord(change.recordId());
		if (rooms.isEmpty()) {
			return;
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
		outbox.enqueue(rows, clock.instant());
		wakeDispatcherAfterCommit();
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
