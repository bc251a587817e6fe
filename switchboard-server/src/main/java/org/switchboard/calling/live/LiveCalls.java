package org.switchboard.calling.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.switchboard.calling.calls.CallView;

import tools.jackson.databind.json.JsonMapper;

/**
 * The users' open browser tabs (SSE streams) and the call events sent to them. An event is sent only once
 * the change that caused it has committed; {@link CallBroadcast} carries it to whichever replica holds the tab.
 */
@Component
public class LiveCalls {

	private static final Logger log = LoggerFactory.getLogger(LiveCalls.class);
	static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
	private final CallBroadcast broadcast;
	private final JsonMapper json;

	LiveCalls(CallBroadcast broadcast, JsonMapper json) {
		this.broadcast = broadcast;
		this.json = json;
		broadcast.onReceive(this::deliver);
	}

	/** A new stream for one tab; it starts with the calls the user has going now. */
	public SseEmitter open(String userId, List<CallView> current) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		Set<SseEmitter> tabs = streams.computeIfAbsent(userId, k -> new CopyOnWriteArraySet<>());
		tabs.add(emitter);
		Runnable remove = () -> tabs.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		try {
			emitter.send(SseEmitter.event().comment("connected").reconnectTime(2_000));
			for (CallView call : current) {
				emitter.send(event(call));
			}
		}
		catch (IOException e) {
			remove.run();
		}
		return emitter;
	}

	/** Sends the call to the user's tabs after the current transaction commits (at once outside one). */
	public void publish(String userId, CallView call) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			broadcast.prepare(userId, call);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					broadcast.send(userId, call);
				}
			});
		}
		else {
			broadcast.send(userId, call);
		}
	}

	/** The number of tabs open on this replica for the user. */
	public int openTabs(String userId) {
		return streams.getOrDefault(userId, Set.of()).size();
	}

	void deliver(String userId, CallView call) {
		for (SseEmitter emitter : streams.getOrDefault(userId, Set.of())) {
			try {
				emitter.send(event(call));
			}
			catch (IOException | IllegalStateException e) {
				streams.getOrDefault(userId, Set.of()).remove(emitter);
				log.debug("Dropped a closed call stream of user {}", userId);
			}
		}
	}

	/** Keeps idle streams open through proxies and finds the tabs that went away. */
	@Scheduled(fixedDelay = 15_000)
	void heartbeat() {
		streams.forEach((userId, tabs) -> tabs.forEach(emitter -> {
			try {
				emitter.send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException e) {
				tabs.remove(emitter);
			}
		}));
	}

	private SseEmitter.SseEventBuilder event(CallView call) {
		return SseEmitter.event().name("call").id(call.callId() + ":" + call.state())
			.data(json.writeValueAsString(call), MediaType.APPLICATION_JSON);
	}
}
