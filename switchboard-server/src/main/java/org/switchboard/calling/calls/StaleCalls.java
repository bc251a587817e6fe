package org.switchboard.calling.calls;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends calls whose hang-up never arrived: after {@link CallControl#STALE} without an event a call is over, whatever
 * its last state said, so it is neither replayed to new streams nor kept as a ringing call forever.
 */
@Component
class StaleCalls {

	private static final Logger log = LoggerFactory.getLogger(StaleCalls.class);

	private final CallStore store;
	private final Clock clock;

	StaleCalls(CallStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
	int expire() {
		int ended = store.endStale(clock.instant().minus(CallControl.STALE));
		if (ended > 0) {
			log.info("Ended {} calls with no event for {}", ended, CallControl.STALE);
		}
		return ended;
	}
}
