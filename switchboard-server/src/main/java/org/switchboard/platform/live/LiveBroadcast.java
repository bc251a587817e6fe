package org.switchboard.platform.live;

import java.util.function.Consumer;

/**
 * Carries a committed live event to every replica, each of which hands it to the user's tabs it holds.
 * One JVM: {@link LocalLiveBroadcast}. Several replicas on PostgreSQL: {@link PostgresLiveBroadcast} (LISTEN/NOTIFY).
 */
interface LiveBroadcast {

	/** Called inside the transaction of the change; a transactional carrier enlists the event here. */
	default void prepare(LiveEvent event) {
	}

	/** Called after the change committed. */
	void send(LiveEvent event);

	void onReceive(Consumer<LiveEvent> receiver);
}
