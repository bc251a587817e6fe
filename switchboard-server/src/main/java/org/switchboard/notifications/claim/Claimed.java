package org.switchboard.notifications.claim;

import java.util.UUID;

/**
 * A row claimed until its lease ends, with the token its outcome must show: once the lease ran out and another worker
 * claimed the row, the first claimer's token no longer matches and its outcome changes nothing.
 */
public record Claimed<T>(T row, String token) {

	public static <T> Claimed<T> of(T row) {
		return new Claimed<>(row, UUID.randomUUID().toString());
	}
}
