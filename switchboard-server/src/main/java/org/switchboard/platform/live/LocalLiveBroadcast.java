package org.switchboard.platform.live;

import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Every tab is on this JVM: hand the event straight over. */
@Component
@ConditionalOnProperty(name = "switchboard.live-events", havingValue = "local", matchIfMissing = true)
class LocalLiveBroadcast implements LiveBroadcast {

	private volatile Consumer<LiveEvent> receiver = e -> {
	};

	@Override
	public void send(LiveEvent event) {
		receiver.accept(event);
	}

	@Override
	public void onReceive(Consumer<LiveEvent> receiver) {
		this.receiver = receiver;
	}
}
