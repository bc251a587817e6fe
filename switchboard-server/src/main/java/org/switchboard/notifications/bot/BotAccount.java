package org.switchboard.notifications.bot;

import java.time.Instant;

/** The registered bot as the API shows it: never its token. */
public record BotAccount(String personId, String email, String displayName, String registeredBy, Instant registeredAt) {
}
