package org.switchboard.calling.live;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.switchboard.calling.calls.CallView;
import org.switchboard.platform.live.LiveEvents;

/** Call state changes as {@code call} live events: the stream of {@code GET /api/calling/events}. */
@Component
public class LiveCalls {

	static final String EVENT = "call";

	private final LiveEvents live;

	LiveCalls(LiveEvents live) {
		this.live = live;
	}

	/** A new stream for one tab; it starts with the calls the user has going now. */
	public SseEmitter open(String userId, List<CallView> current) {
		return live.open(userId, Set.of(EVENT), current.stream().map(call -> live.event(userId, EVENT, id(call), call)).toList());
	}

	/** Sends the call to the user's tabs after the current transaction commits. */
	public void publish(String userId, CallView call) {
		live.publish(userId, EVENT, id(call), call);
	}

	private static String id(CallView call) {
		return call.callId() + ":" + call.state();
	}
}
