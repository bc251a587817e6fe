package org.switchboard.calling.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.calling.live.LiveCalls;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.webex.WebexCallEvent;
import org.switchboard.webex.WebexAccounts;

/**
 * Folds {@code telephony_calls} events into one row per call. It runs inside the webhook's own transaction, so a
 * delivery is acknowledged only once the call is stored; redelivered and out-of-order events change nothing
 * they should not: a state older than the one stored is ignored, and an ended call stays ended. With a remote CRM the
 * caller of a call first seen here is matched after that transaction ({@link DeferredMatches}, ADR 0040): the call is
 * stored unmatched and reaches the user's tabs once matched.
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
	private final DeferredMatches deferred;
	private final TransactionTemplate transactions;
	private final Clock clock;

	CallTracker(CallStore store, CallMatcher matcher, CallingSettings settings, WebexAccounts accounts, LiveCalls live,
			DeferredMatches deferred, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.matcher = matcher;
		this.settings = settings;
		this.accounts = accounts;
		this.live = live;
		this.deferred = deferred;
		this.transactions = transactions;
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

	/**
	 * Records the call the user just placed through Webex (ADR 0040): the number is matched in the CRM first, with no
	 * transaction open, unless the call was placed from a record; then one short transaction stores the call, or
	 * completes the row an early webhook stored (and sends it to the user's tabs, which that webhook left to the
	 * match), and locks it while the record it was placed from is noted.
	 */
	public CallRow placed(String userId, String webexCallId, String number, Optional<Match> who) {
		List<Match> matches = who.map(List::of).orElseGet(() -> matcher.match(Direction.OUTBOUND, number, false));
		return transactions.execute(tx -> {
			store.insertIfAbsent(newCall(userId, webexCallId, Direction.OUTBOUND, number, null, false, matches, clock.instant()), false);
			String id = store.idOfWebexCall(webexCallId).orElseThrow();
			CallRow call = store.lock(id).orElseThrow();
			boolean unsent = store.awaitsMatch(id);
			if (who.isPresent()) {
				call = call.withWho(who.get());
				store.update(call);
			}
			else if (store.matched(id, matches)) {
				call = store.byId(id).orElseThrow();
			}
			if (unsent) {
				live.publish(userId, CallView.of(call));
			}
			return call;
		});
	}

	/**
	 * The call as stored, created on first sight, and locked until the webhook's transaction ends. The CRM is asked
	 * here only when it lives in our database; a remote CRM's match waits for the commit.
	 */
	private CallRow track(String userId, String webexCallId, Direction direction, String remoteNumber, String remoteName,
			boolean privacyEnabled, Instant createdAt) {
		String id = store.idOfWebexCall(webexCallId).orElseGet(() -> {
			boolean later = !matcher.readsOurDatabase() && CallMatcher.asksTheCrm(remoteNumber, privacyEnabled);
			List<Match> matches = later ? List.of() : matcher.match(direction, remoteNumber, privacyEnabled);
			store.insertIfAbsent(newCall(userId, webexCallId, direction, remoteNumber, remoteName, privacyEnabled, matches, createdAt), later);
			return store.idOfWebexCall(webexCallId).orElseThrow();
		});
		return store.lock(id).orElseThrow();
	}

	private CallRow newCall(String userId, String webexCallId, Direction direction, String remoteNumber, String remoteName,
			boolean privacyEnabled, List<Match> matches, Instant createdAt) {
		return new CallRow(newId(), webexCallId, userId, direction, "connecting", remoteNumber,
				remoteName != null ? remoteName : matches.size() == 1 ? matches.get(0).name() : null, privacyEnabled,
				matches, null, createdAt != null ? createdAt : clock.instant(), null, null, null, "pending", null);
	}

	private void apply(String userId, WebexCallEvent event) {
		String remoteNumber = clamp(event.remoteNumber(), MAX_NUMBER, "remote number", event);
		String remoteName = clamp(event.remoteName(), MAX_NAME, "remote name", event);
		CallRow call = track(userId, event.callId(), Direction.ofPersonality(event.personality()), remoteNumber,
				remoteName, event.privacyEnabled(), event.created());
		CallRow next = merge(call, event, remoteName);
		boolean changed = !next.equals(call) || call.lastEventAt() == null;
		if (changed) {
			store.update(next);
		}
		if (!matcher.readsOurDatabase() && store.awaitsMatch(call.id())) {
			matchAfterCommit(call.id());
		}
		else if (changed) {
			live.publish(userId, CallView.of(next));
		}
	}

	/** On another thread once the webhook's transaction committed: its after-commit callbacks still hold the connection. */
	private void matchAfterCommit(String callId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			deferred.match(callId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deferred.match(callId);
			}
		});
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
