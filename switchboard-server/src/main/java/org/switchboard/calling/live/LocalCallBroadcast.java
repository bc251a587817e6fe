package org.switchboard.calling.live;

import java.util.function.BiConsumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.switchboard.calling.calls.CallView;

/** Every tab is on this JVM: hand the event straight over. */
@Component
@ConditionalOnProperty(name = "switchboard.live-events", havingValue = "local", matchIfMissing = true)
class LocalCallBroadcast implements CallBroadcast {

	private volatile BiConsumer<String, CallView> receiver = (u, c) -> {
	};

	@Override
	public void send(String userId, CallView call) {
		receiver.accept(userId, call);
	}

	@Override
	public void onReceive(BiConsumer<String, CallView> receiver) {
		this.receiver = receiver;
	}
}
