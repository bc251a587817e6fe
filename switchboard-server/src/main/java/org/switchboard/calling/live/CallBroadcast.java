package org.switchboard.calling.live;

import java.util.function.BiConsumer;

import org.switchboard.calling.calls.CallView;

/**
 * Carries a committed call event to every replica, each of which hands it to the user's tabs it holds.
 * One JVM: {@link LocalCallBroadcast}. Several replicas on PostgreSQL: {@link PostgresCallBroadcast} (LISTEN/NOTIFY).
 */
interface CallBroadcast {

	/** Called inside the transaction of the change; a transactional carrier enlists the event here. */
	default void prepare(String userId, CallView call) {
	}

	/** Called after the change committed. */
	void send(String userId, CallView call);

	void onReceive(BiConsumer<String, CallView> receiver);
}
