package dev.switchboard.sandbox.calls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.sandbox.Clock;
import dev.switchboard.sandbox.WebexIds;
import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Request;
import dev.switchboard.sandbox.http.Response;
import dev.switchboard.sandbox.http.Router;
import dev.switchboard.sandbox.people.People;
import dev.switchboard.sandbox.people.Person;
import dev.switchboard.sandbox.webhooks.Webhooks;

import tools.jackson.databind.JsonNode;

/**
 * Webex Calling call control ({@code /v1/telephony/calls/...}) and the simulation of the far end
 * ({@code /sandbox/calls/...}). Every state change goes out as a {@code telephony_calls} webhook.
 */
public class Calls {

	private static final int HISTORY_PER_TYPE = 20;

	private final Map<String, Call> calls = new ConcurrentHashMap<>();
	private final Map<String, Deque<Map<String, Object>>> history = new ConcurrentHashMap<>();
	/** Call ids are unique over time, as Webex's are: a restarted sandbox must not hand out a call id it gave before. */
	private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
	private final People people;
	private final Webhooks webhooks;
	private final Duration remoteAnswerDelay;
	private final java.time.Clock clock;
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "sandbox-calls");
		thread.setDaemon(true);
		return thread;
	});

	public Calls(People people, Webhooks webhooks, Duration remoteAnswerDelay) {
		this(people, webhooks, remoteAnswerDelay, java.time.Clock.systemUTC());
	}

	/** With the clock that stamps calls (created, answered, disconnected, event times). */
	public Calls(People people, Webhooks webhooks, Duration remoteAnswerDelay, java.time.Clock clock) {
		this.people = people;
		this.webhooks = webhooks;
		this.remoteAnswerDelay = remoteAnswerDelay;
		this.clock = clock;
	}

	private String now() {
		return Clock.format(clock.instant());
	}

	public void routes(Router router) {
		router.on("POST", "/v1/telephony/calls/dial", this::dial)
			.on("POST", "/v1/telephony/calls/answer", r -> command(r, this::answer))
			.on("POST", "/v1/telephony/calls/hangup", r -> command(r, this::hangup))
			.on("POST", "/v1/telephony/calls/hold", r -> command(r, c -> change(c, "held", "held")))
			.on("POST", "/v1/telephony/calls/resume", r -> command(r, c -> change(c, "connected", "resumed")))
			.on("GET", "/v1/telephony/calls", r -> Response.ok(Map.of("items", active(people.caller(r)))))
			.on("GET", "/v1/telephony/calls/history", this::history)
			.on("GET", "/v1/telephony/calls/{callId}", r -> Response.ok(owned(r, r.path("callId")).toJson()))
			.on("POST", "/sandbox/calls/inbound", this::inbound)
			.on("POST", "/sandbox/calls/{callId}/answer", r -> simulated(r, this::answer))
			.on("POST", "/sandbox/calls/{callId}/hangup", r -> simulated(r, this::hangup));
	}

	public void clear() {
		calls.clear();
		history.clear();
	}

	private Response inbound(Request request) {
		JsonNode body = request.json();
		Person callee = people.byEmail(request.required(body, "toEmail"))
			.orElseThrow(() -> ApiError.notFound("No person with email " + body.path("toEmail").asString()));
		boolean privacy = body.path("privacyEnabled").asBoolean(false);
		String number = privacy ? null : request.required(body, "fromNumber");
		Call call = new Call(callId(), sessionId(), callee.id(), "terminator", "alerting",
				body.path("fromName").asString(null), number, privacy, true, now());
		calls.put(call.id, call);
		emit(call, "created", "received");
		return Response.ok(Map.of("callId", call.id, "callSessionId", call.sessionId));
	}

	private Response dial(Request request) {
		Person caller = people.caller(request);
		String destination = request.required(request.json(), "destination");
		Call call = new Call(callId(), sessionId(), caller.id(), "clickToDial", "alerting", null, destination, false, false, now());
		calls.put(call.id, call);
		emit(call, "created", "originated");
		// The user's own device answers the click-to-dial alert, then the far end picks up.
		timer.schedule(() -> {
			call.personality = "originator";
			change(call, "connecting", "updated");
		}, remoteAnswerDelay.toMillis() / 2, TimeUnit.MILLISECONDS);
		timer.schedule(() -> {
			if ("connecting".equals(call.state)) {
				call.answered = now();
				change(call, "connected", "connected");
			}
		}, remoteAnswerDelay.toMillis(), TimeUnit.MILLISECONDS);
		return Response.ok(Map.of("callId", call.id, "callSessionId", call.sessionId));
	}

	/**
	 * As Webex reports an answer: first an {@code updated} event naming the endpoint that took the call (the
	 * Webex app), then {@code answered} with the call connected.
	 */
	private void answer(Call call) {
		if (!"alerting".equals(call.state) || !call.inbound) {
			throw ApiError.badRequest("The call is not ringing, so it cannot be answered");
		}
		Person owner = people.byId(call.ownerPersonId);
		call.endpointId = WebexIds.of("DEVICE", UUID.nameUUIDFromBytes(("app:" + owner.id()).getBytes()).toString());
		call.endpointType = "APPLICATION";
		emit(call, "updated", "updated");
		call.answered = now();
		change(call, "connected", "answered");
	}

	private void hangup(Call call) {
		call.disconnected = now();
		call.state = "disconnected";
		calls.remove(call.id);
		emit(call, "deleted", "disconnected");
		record(call);
	}

	private void change(Call call, String state, String eventType) {
		if ("disconnected".equals(call.state)) {
			throw ApiError.badRequest("The call has ended");
		}
		call.state = state;
		emit(call, "updated", eventType);
	}

	private void emit(Call call, String event, String eventType) {
		Person owner = people.byId(call.ownerPersonId);
		webhooks.publish(owner.id(), "telephony_calls", event, owner.id(), call.eventData(eventType, now(), owner.orgId()));
	}

	private void record(Call call) {
		String type = !call.inbound ? "placed" : call.answered == null ? "missed" : "received";
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("type", type);
		if (!call.privacyEnabled && call.remoteName != null) {
			entry.put("name", call.remoteName);
		}
		if (!call.privacyEnabled && call.remoteNumber != null) {
			entry.put("number", call.remoteNumber);
		}
		entry.put("privacyEnabled", call.privacyEnabled);
		entry.put("time", type.equals("placed") ? call.created : type.equals("missed") ? call.disconnected : call.answered);
		Deque<Map<String, Object>> list = history.computeIfAbsent(call.ownerPersonId + "/" + type, k -> new ConcurrentLinkedDeque<>());
		list.addFirst(entry);
		while (list.size() > HISTORY_PER_TYPE) {
			list.removeLast();
		}
	}

	private Response history(Request request) {
		Person caller = people.caller(request);
		String type = request.query("type");
		if (type != null && !List.of("placed", "missed", "received").contains(type)) {
			throw ApiError.badRequest("type must be placed, missed or received");
		}
		List<Object> items = new ArrayList<>();
		for (String t : type == null ? List.of("placed", "missed", "received") : List.of(type)) {
			items.addAll(history.getOrDefault(caller.id() + "/" + t, new ConcurrentLinkedDeque<>()));
		}
		return Response.ok(Map.of("items", items));
	}

	private Response command(Request request, java.util.function.Consumer<Call> action) {
		action.accept(owned(request, request.required(request.json(), "callId")));
		return Response.noContent();
	}

	private Response simulated(Request request, java.util.function.Consumer<Call> action) {
		Call call = calls.get(request.path("callId"));
		if (call == null) {
			throw ApiError.notFound("No active call " + request.path("callId"));
		}
		action.accept(call);
		return Response.noContent();
	}

	private Call owned(Request request, String callId) {
		Person caller = people.caller(request);
		Call call = calls.get(callId);
		if (call == null || !call.ownerPersonId.equals(caller.id())) {
			throw ApiError.notFound("No active call " + callId);
		}
		return call;
	}

	private List<Object> active(Person caller) {
		return calls.values().stream().filter(c -> c.ownerPersonId.equals(caller.id())).map(c -> (Object) c.toJson()).toList();
	}

	private String callId() {
		return WebexIds.of("CALL", "callhalf-" + sequence.incrementAndGet() + ":0");
	}

	private static String sessionId() {
		return java.util.Base64.getEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes());
	}
}
