package org.switchboard.platform.live;

/**
 * One event for one user's open tabs: the SSE event {@code name}, its {@code id}, and its data already written as JSON
 * (so that any replica can send it as it is).
 */
public record LiveEvent(String userId, String name, String id, String json) {
}
