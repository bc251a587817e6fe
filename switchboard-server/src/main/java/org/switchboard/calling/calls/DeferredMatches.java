package org.switchboard.calling.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.switchboard.calling.live.LiveCalls;

/**
 * Matches the callers of calls stored before their match, which a remote CRM needs (ADR 0040): with no transaction open
 * the CRM is asked, then one guarded statement records the matches (never a state, so events keep their order) and the
 * call goes to the user's tabs, its screen pop with its match. A match that was lost (a crash after the webhook's
 * commit, a CRM that failed) is tried again by the call's next event and, a minute on, by {@link #sweep}.
 */
@Component
class DeferredMatches {

	static final Duration SWEEP_AFTER = Duration.ofMinutes(1);
	private static final int SWEEP_LIMIT = 50;
	private static final Logger log = LoggerFactory.getLogger(DeferredMatches.class);

	private final CallStore store;
	private final CallMatcher matcher;
	private final LiveCalls live;
	private final Clock clock;

	DeferredMatches(CallStore store, CallMatcher matcher, LiveCalls live, Clock clock) {
		this.store = store;
		this.matcher = matcher;
		this.live = live;
		this.clock = clock;
	}

	@Async
	public void match(String callId) {
		matchNow(callId);
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void sweep() {
		if (!matcher.readsOurDatabase()) {
			store.awaitingMatch(clock.instant().minus(SWEEP_AFTER), SWEEP_LIMIT).forEach(this::matchNow);
		}
	}

	/** A CRM that fails leaves the call unmatched for now: it is shown as it is, and matched again later. */
	void matchNow(String callId) {
		CallRow call = store.byId(callId).orElse(null);
		if (call == null) {
			return;
		}
		List<Match> matches;
		try {
			matches = matcher.match(call.direction(), call.remoteNumber(), call.privacyEnabled());
		}
		catch (RuntimeException e) {
			log.warn("Could not match call {} in the CRM, shown unmatched and matched again later: {}", callId, e.toString());
			live.publish(call.userId(), CallView.of(call));
			return;
		}
		if (store.matched(callId, matches)) {
			store.byId(callId).ifPresent(matched -> live.publish(matched.userId(), CallView.of(matched)));
		}
	}
}
