package org.switchboard.notifications.spaces;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.messaging.SpaceUnlinked;
import org.switchboard.notifications.bot.NotificationBot.BotChanged;

/**
 * Keeps record → rooms from messaging's events, in the transaction that links or unlinks the space, so a link and
 * the work to add the bot to its room commit together.
 */
@Component
class SpaceTracker {

	private final RecordRooms spaces;
	private final Clock clock;

	SpaceTracker(RecordRooms spaces, Clock clock) {
		this.spaces = spaces;
		this.clock = clock;
	}

	@EventListener
	void on(SpaceLinked linked) {
		spaces.link(linked.spaceId(), linked.object(), linked.recordId(), linked.roomId(), linked.linkedByUserId(),
				linked.linkedAt() == null ? clock.instant() : linked.linkedAt());
	}

	@EventListener
	void on(SpaceUnlinked unlinked) {
		spaces.unlink(unlinked.spaceId());
	}

	@EventListener
	void on(BotChanged changed) {
		spaces.rejoinAll(clock.instant());
	}
}
