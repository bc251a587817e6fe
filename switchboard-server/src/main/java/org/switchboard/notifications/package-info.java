/**
 * Space notifications (M4): a bot posts a rule's rendered template into a record's Webex spaces when a tracked
 * field of the record changes. Learns which spaces belong to which record from messaging's
 * {@link org.switchboard.messaging.SpaceLinked} events; delivers through its own outbox (retries, backoff,
 * dead letters with replay, claims with {@code FOR UPDATE SKIP LOCKED}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Space notifications")
package org.switchboard.notifications;
