package org.switchboard.crm.salesforce.changes;

import org.switchboard.crm.ChangeStreamStatus;

/** What the console and health read: this replica's live view plus the stored position and counters. */
class StreamState implements ChangeStreamStatus {

	private final ReplayStore store;
	private final String topic;
	private volatile boolean subscribed;
	private volatile boolean connected;
	private volatile String lastError;

	StreamState(ReplayStore store, String topic) {
		this.store = store;
		this.topic = topic;
	}

	void subscribed(boolean value) {
		subscribed = value;
		if (!value) {
			connected = false;
		}
	}

	void connected(boolean value) {
		connected = value;
		if (value) {
			lastError = null;
		}
	}

	void failed(String description) {
		connected = false;
		lastError = description;
	}

	@Override
	public State state() {
		ReplayStore.Row row = store.row().orElse(new ReplayStore.Row(null, 0, null));
		return new State(topic, subscribed, connected, row.replayId(), row.lastEventAt(), row.eventsReceived(), lastError);
	}
}
