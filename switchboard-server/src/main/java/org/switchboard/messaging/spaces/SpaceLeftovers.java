package org.switchboard.messaging.spaces;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.messaging.SpaceUnlinked;
import org.switchboard.platform.lifecycle.Uninstallable;

/**
 * Uninstall unties every space from its record. The Webex rooms stay: they and their messages belong to the people in
 * them, as when a user unlinks one space.
 */
@Component
@Order(20)
class SpaceLeftovers implements Uninstallable {

	private final SpaceStore store;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	SpaceLeftovers(SpaceStore store, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.store = store;
		this.events = events;
		this.transactions = transactions;
	}

	@Override
	public List<Leftover> leftovers() {
		return store.all().stream().map(SpaceLeftovers::leftover).toList();
	}

	@Override
	public List<Removal> remove() {
		return store.all().stream().map(space -> {
			transactions.executeWithoutResult(tx -> {
				if (store.delete(space.spaceId())) {
					events.publishEvent(new SpaceUnlinked(space.spaceId(), space.object(), space.recordId(), space.roomId()));
				}
			});
			return Removal.removed(leftover(space));
		}).toList();
	}

	private static Leftover leftover(Space space) {
		return new Leftover("space", space.spaceId(), "\"" + space.title() + "\" linked to " + space.object() + " " + space.recordId()
				+ " (the Webex space stays with its members)");
	}
}
