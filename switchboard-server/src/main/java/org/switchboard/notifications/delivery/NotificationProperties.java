package org.switchboard.notifications.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are worked off.
 *
 * @param workers concurrent posters on this replica (each holds a database connection while it posts)
 * @param maxAttempts attempts before a delivery is failed (the dead-letter list); Webex's own 429 waits inside
 *        one attempt are not counted
 * @param idlePoll how often an idle worker looks for due work (new work on this replica wakes it at once)
 */
@ConfigurationProperties("switchboard.notifications")
public record NotificationProperties(@DefaultValue("4") int workers, @DefaultValue("8") int maxAttempts,
		@DefaultValue("2s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
		@DefaultValue("1s") Duration idlePoll, @DefaultValue("true") boolean dispatcherEnabled) {
}
