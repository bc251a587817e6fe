package org.switchboard.calling.calls;

import java.time.Instant;
import java.util.List;

/**
 * A call as the browser and the API see it: the {@code call} event of {@code GET /api/calling/events} and the items
 * of {@code GET /api/calling/calls}.
 *
 * @param log pending, draft, logged, dismissed or off
 */
public record CallView(String callId, String direction, String state, String remoteNumber, String remoteName,
		boolean privacyEnabled, Instant startedAt, Instant answeredAt, Instant endedAt, long durationSeconds,
		List<Match> matches, String whoId, String log, String taskId) {

	public static CallView of(CallRow call) {
		return new CallView(call.id(), call.direction().json(), call.state(), call.remoteNumber(), call.remoteName(),
				call.privacyEnabled(), call.createdAt(), call.answeredAt(), call.disconnectedAt(), call.durationSeconds(),
				call.matches(), call.whoId(), call.logStatus(), call.taskId());
	}
}
