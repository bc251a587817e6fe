package org.switchboard.admin;

import java.time.Instant;

/** One recorded admin change: who did what to which setting, with the values before and after. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String oldValue,
		String newValue) {
}
