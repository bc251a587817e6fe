package org.switchboard.platform.live;

/**
 * One event for one user's open tabs: the SSE event {@code name}, its {@code id}, and its data already written as JSON
 * (so that any replica can send it as it is).
 *
 * @param causedAt when the request that caused it arrived (epoch milliseconds), to time it to the browser
 * @param cause {@code webhook}, {@code request} or {@code background}
 */
public record LiveEvent(String userId, String name, String id, String json, long causedAt, String cause) {
}
