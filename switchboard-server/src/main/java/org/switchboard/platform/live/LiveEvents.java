package org.switchboard.platform.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.switchboard.platform.web.RequestArrival;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The users' open browser tabs (SSE streams) and the live events sent to them (ringing calls, new messages). An event
 * is sent only once the change that caused it has committed; {@link LiveBroadcast} carries it to whichever replica
 * holds the tab. Each stream asks for the event names it wants.
 *
 * <p>A user keeps at most {@value #MAX_TABS_PER_USER} streams per replica (opening one more closes the oldest), and
 * every stream is closed when the server stops, so a stop does not wait for browsers to hang up.
 */
@Component
public class LiveEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
	static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
	static final int MAX_TABS_PER_USER = 10;
	private volatile boolean running;

	private final Map<String, Set<Tab>> tabs = new ConcurrentHashMap<>();
	private final LiveBroadcast broadcast;
	private final JsonMapper json;
	private final MeterRegistry meters;

	LiveEvents(LiveBroadcast broadcast, JsonMapper json, MeterRegistry meters) {
		this.broadcast = broadcast;
		this.json = json;
		this.meters = meters;
		broadcast.onReceive(this::deliver);
		Gauge.builder("switchboard.live.streams", tabs, t -> t.values().stream().mapToInt(Set::size).sum())
			.description("Live event streams (browser tabs) open on this replica")
			.register(meters);
	}

	/** A new stream for one tab that receives the events named; it starts with {@code initial}. */
	public SseEmitter open(String userId, Set<String> names, List<LiveEvent> initial) {
		Tab tab = new Tab(new SseEmitter(STREAM_TIMEOUT.toMillis()), Set.copyOf(names));
		Set<Tab> mine = tabs.computeIfAbsent(userId, k -> new CopyOnWriteArraySet<>());
		mine.add(tab);
		while (mine.size() > MAX_TABS_PER_USER) {
			Tab oldest = mine.iterator().next();
			mine.remove(oldest);
			oldest.emitter().complete();
			log.debug("Closed the oldest of user {}'s live streams: more than {} were open", userId, MAX_TABS_PER_USER);
		}
		Runnable remove = () -> mine.remove(tab);
		tab.emitter().onCompletion(remove);
		tab.emitter().onTimeout(remove);
		tab.emitter().onError(e -> remove.run());
		try {
			tab.emitter().send(SseEmitter.event().comment("connected").reconnectTime(2_000));
			for (LiveEvent event : initial) {
				tab.emitter().send(sse(event));
			}
		}
		catch (IOException e) {
			remove.run();
		}
		return tab.emitter();
	}

	/** An event for the user's tabs, with {@code data} written as JSON now. */
	public LiveEvent event(String userId, String name, String id, Object data) {
		RequestArrival.Arrival arrival = RequestArrival.current()
			.orElseGet(() -> new RequestArrival.Arrival(Instant.now(), "background"));
		return new LiveEvent(userId, name, id, json.writeValueAsString(data), arrival.at().toEpochMilli(), arrival.cause());
	}

	/** Sends the event to the user's tabs after the current transaction commits (at once outside one). */
	public void publish(String userId, String name, String id, Object data) {
		publish(event(userId, name, id, data));
	}

	public void publish(LiveEvent event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			broadcast.prepare(event);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					broadcast.send(event);
				}
			});
		}
		else {
			broadcast.prepare(event);
			broadcast.send(event);
		}
	}

	/** The number of tabs open on this replica for the user. */
	public int openTabs(String userId) {
		return tabs.getOrDefault(userId, Set.of()).size();
	}

	void deliver(LiveEvent event) {
		Set<Tab> mine = tabs.getOrDefault(event.userId(), Set.of());
		for (Tab tab : mine) {
			if (!tab.names().contains(event.name())) {
				continue;
			}
			try {
				tab.emitter().send(sse(event));
				latency(event);
			}
			catch (IOException | IllegalStateException e) {
				mine.remove(tab);
				log.debug("Dropped a closed live stream of user {}", event.userId());
			}
		}
	}

	/** From the request that caused it (for a screen pop: the webhook) to the event written to a browser's stream. */
	private void latency(LiveEvent event) {
		Timer.builder("switchboard.live.events.latency")
			.description("From the request causing a live event (webhook in) to the event sent to a browser (a screen pop for event=call, cause=webhook)")
			.tag("event", event.name())
			.tag("cause", event.cause() == null ? "background" : event.cause())
			.register(meters)
			.record(Math.max(0, System.currentTimeMillis() - event.causedAt()), TimeUnit.MILLISECONDS);
	}

	/** Keeps idle streams open through proxies and finds the tabs that went away. */
	@Scheduled(fixedDelay = 15_000)
	void heartbeat() {
		tabs.forEach((userId, mine) -> mine.forEach(tab -> {
			try {
				tab.emitter().send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException e) {
				mine.remove(tab);
			}
		}));
	}

	@Override
	public void start() {
		running = true;
	}

	/** Ends every open stream (browsers reconnect to another replica, or to this one when it is back). */
	@Override
	public void stop() {
		running = false;
		tabs.values().forEach(mine -> mine.forEach(tab -> tab.emitter().complete()));
		tabs.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static SseEmitter.SseEventBuilder sse(LiveEvent event) {
		return SseEmitter.event().name(event.name()).id(event.id()).data(event.json(), MediaType.APPLICATION_JSON);
	}

	private record Tab(SseEmitter emitter, Set<String> names) {
	}
}
