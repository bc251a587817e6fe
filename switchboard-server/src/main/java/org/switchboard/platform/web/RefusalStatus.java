package org.switchboard.platform.web;

import java.util.EnumMap;
import java.util.Map;

import org.switchboard.platform.errors.Refusal;

/** The one table from a domain {@link Refusal} to the HTTP status the edge answers with (ADR 0025). */
final class RefusalStatus {

	private static final Map<Refusal, Integer> STATUS = new EnumMap<>(Map.of(
			Refusal.INVALID, 400,
			Refusal.NOT_AUTHENTICATED, 401,
			Refusal.NOT_PERMITTED, 403,
			Refusal.NOT_FOUND, 404,
			Refusal.CONFLICT, 409,
			Refusal.STALE, 412,
			Refusal.TOO_LARGE, 413,
			Refusal.UPSTREAM_FAILED, 502,
			Refusal.UNAVAILABLE, 503));

	private RefusalStatus() {
	}

	static int of(Refusal refusal) {
		return STATUS.get(refusal);
	}
}
