package org.switchboard.notifications.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are worked off.
 *
 * @param workers concurrent posters on this replica; a post holds no database connection (ADR 38), so this bounds the
 *        Webex calls in flight, not the pool
 * @param maxAttempts attempts before a delivery is failed (the dead-letter list); Webex's own 429 waits inside
 *        one attempt are not counted
 * @param idlePoll how often an idle worker looks for due work (new work on this replica wakes it at once)
 * @param lease how long a claimed row is kept from other workers: longer than one Webex call can take with the
 *        client's 429 waits (4 × (5 s connect + 30 s read) + 3 × 60 s Retry-After = 320 s by default); a row whose
 *        worker died is due again after it
 */
@ConfigurationProperties("switchboard.notifications")
public record NotificationProperties(@DefaultValue("16") int workers, @DefaultValue("8") int maxAttempts,
		@DefaultValue("2s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
		@DefaultValue("1s") Duration idlePoll, @DefaultValue("true") boolean dispatcherEnabled,
		@DefaultValue("6m") Duration lease) {
}
