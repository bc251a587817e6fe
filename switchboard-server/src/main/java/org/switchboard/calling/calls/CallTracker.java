package org.switchboard.calling.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.calling.live.LiveCalls;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.webex.WebexCallEvent;
import org.switchboard.webex.WebexAccounts;

/**
 * Folds {@code telephony_calls} events into one row per call. It runs inside the webhook's own transaction, so a
 * delivery is acknowledged only once the call is stored; redelivered and out-of-order events change nothing
 * they should not: a state older than the one stored is ignored, and an ended call stays ended.
 */
@Component
public class CallTracker {

	private static final Logger log = LoggerFactory.getLogger(CallTracker.class);
	// The widths of calling_call's columns.
	private static final int MAX_NAME = 255;
	private static final int MAX_NUMBER = 64;
	private static final int MAX_STATE = 16;

	private final CallStore store;
	private final CallMatcher matcher;
	private final CallingSettings settings;
	private final WebexAccounts accounts;
	private final LiveCalls live;
	private final Clock clock;

	CallTracker(CallStore store, CallMatcher matcher, CallingSettings settings, WebexAccounts accounts, LiveCalls live,
			Clock clock) {
		this.store = store;
		this.matcher = matcher;
		this.settings = settings;
		this.accounts = accounts;
		this.live = live;
		this.clock = clock;
	}

	@EventListener
	void on(WebexCallEvent event) {
		if (event.callId() == null) {
			return;
		}
		accounts.forPerson(event.ownerPersonId()).ifPresentOrElse(account -> apply(account.userId(), event),
				() -> log.debug("Ignored a call event for Webex person {} who is linked to no user", event.ownerPersonId()));
	}

	/** The call as stored, created on first sight; call within a transaction. */
	@Transactional
	public CallRow track(String userId, String webexCallId, Direction direction, String remoteNumber, String remoteName,
			boolean privacyEnabled, Instant createdAt) {
		String id = store.idOfWebexCall(webexCallId).orElseGet(() -> {
			List<Match> matches = matcher.match(direction, remoteNumber, privacyEnabled);
			store.insertIfAbsent(new CallRow(newId(), webexCallId, userId, direction, "connecting", remoteNumber,
					remoteName != null ? remoteName : matches.size() == 1 ? matches.get(0).name() : null, privacyEnabled,
					matches, null, createdAt != null ? createdAt : clock.instant(), null, null, null, "pending", null));
			return store.idOfWebexCall(webexCallId).orElseThrow();
		});
		return store.lock(id).orElseThrow();
	}

	private void apply(String userId, WebexCallEvent event) {
		String remoteNumber = clamp(event.remoteNumber(), MAX_NUMBER, "remote number", event);
		String remoteName = clamp(event.remoteName(), MAX_NAME, "remote name", event);
		CallRow call = track(userId, event.callId(), Direction.ofPersonality(event.personality()), remoteNumber,
				remoteName, event.privacyEnabled(), event.created());
		CallRow next = merge(call, event, remoteName);
		if (!next.equals(call) || call.lastEventAt() == null) {
			store.update(next);
			live.publish(userId, CallView.of(next));
		}
	}

	private CallRow merge(CallRow call, WebexCallEvent event, String remoteName) {
		String incoming = "deleted".equals(event.event()) ? CallRow.DISCONNECTED : knownState(event);
		Instant at = event.eventTimestamp() != null ? event.eventTimestamp() : clock.instant();
		Instant answered = first(call.answeredAt(), event.answered());
		Instant disconnected = first(call.disconnectedAt(), event.disconnected());
		String state = call.state();
		Instant last = call.lastEventAt();
		boolean newer = last == null || !at.isBefore(last);
		if (!call.ended() && incoming != null && (newer || CallRow.DISCONNECTED.equals(incoming))) {
			state = incoming;
			last = newer ? at : last;
		}
		String logStatus = call.logStatus();
		if (CallRow.DISCONNECTED.equals(state)) {
			disconnected = first(disconnected, at);
			if ("pending".equals(logStatus)) {
				logStatus = settings.callLogs().of(call.direction().inbound()).enabled() ? "draft" : "off";
			}
		}
		if ("connected".equals(state)) {
			answered = first(answered, at);
		}
		return call.withState(state, last != null ? last : at, answered, disconnected, logStatus,
				first(call.remoteName(), remoteName));
	}

	/** A value longer than its column is cut (a warning says so): the call matters more than a caller name's tail. */
	private static String clamp(String value, int max, String what, WebexCallEvent event) {
		if (value == null || value.length() <= max) {
			return value;
		}
		log.warn("Cut the {} of call {} from {} to {} characters (delivery {})", what, event.callId(), value.length(), max,
				event.deliveryId());
		int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
		return value.substring(0, end);
	}

	/** A state longer than any Webex state is not one: dropped with a warning, the call keeps the state it has. */
	private static String knownState(WebexCallEvent event) {
		String state = event.state();
		if (state != null && state.length() > MAX_STATE) {
			log.warn("Ignored the state of call {} ({} characters, delivery {})", event.callId(), state.length(), event.deliveryId());
			return null;
		}
		return state;
	}

	private static <T> T first(T a, T b) {
		return a != null ? a : b;
	}

	static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}
}
