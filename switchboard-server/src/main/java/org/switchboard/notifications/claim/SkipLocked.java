package org.switchboard.notifications.claim;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Picks one due row to claim (the caller then leases it, ADR 38): read a few due keys without locking, then lock them one by one with
 * {@code ... WHERE key = ? AND <still due> FOR UPDATE SKIP LOCKED} until one is free. A single
 * {@code ORDER BY ... LIMIT 1 FOR UPDATE SKIP LOCKED} would do on PostgreSQL, but H2 applies the limit before
 * skipping, so every worker after the first would find "nothing due" while work waits; this form is correct and
 * concurrent on both. Starting at a random candidate keeps workers from queueing on the same row.
 */
public final class SkipLocked {

	/** How many due keys a claimer looks at; more than the workers of a few replicas. */
	public static final int CANDIDATES = 32;

	private SkipLocked() {
	}

	public static <K, T> Optional<T> claimOne(List<K> candidates, Function<K, Optional<T>> lockIfStillDue) {
		int size = candidates.size();
		int start = size <= 1 ? 0 : ThreadLocalRandom.current().nextInt(Math.min(size, 8));
		for (int i = 0; i < size; i++) {
			Optional<T> claimed = lockIfStillDue.apply(candidates.get((start + i) % size));
			if (claimed.isPresent()) {
				return claimed;
			}
		}
		return Optional.empty();
	}
}
