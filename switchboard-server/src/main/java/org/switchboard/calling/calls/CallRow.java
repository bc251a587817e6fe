package org.switchboard.calling.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One Webex call of one user as Switchboard keeps it.
 *
 * @param id Switchboard's id for the call (URL-safe; Webex call ids are base64 and may hold '/')
 * @param logStatus pending while the call lasts; then draft (waiting for its log), logged, dismissed, or off
 *                  (call logs were switched off for its direction when it ended)
 */
public record CallRow(String id, String webexCallId, String userId, Direction direction, String state, String remoteNumber,
		String remoteName, boolean privacyEnabled, List<Match> matches, String whoId, Instant createdAt, Instant answeredAt,
		Instant disconnectedAt, Instant lastEventAt, String logStatus, String taskId) {

	public static final String DISCONNECTED = "disconnected";

	public CallRow {
		matches = List.copyOf(matches);
	}

	public boolean ended() {
		return DISCONNECTED.equals(state);
	}

	/** Talk time from Webex's own timestamps: answered to disconnected; zero for a call nobody answered. */
	public long durationSeconds() {
		if (answeredAt == null || disconnectedAt == null || disconnectedAt.isBefore(answeredAt)) {
			return 0;
		}
		return Duration.between(answeredAt, disconnectedAt).toSeconds();
	}

	CallRow withState(String newState, Instant lastEvent, Instant answered, Instant disconnected, String newLogStatus, String name) {
		return new CallRow(id, webexCallId, userId, direction, newState, remoteNumber, name, privacyEnabled, matches, whoId,
				createdAt, answered, disconnected, lastEvent, newLogStatus, taskId);
	}

	CallRow withWho(Match who) {
		return new CallRow(id, webexCallId, userId, direction, state, remoteNumber, remoteName == null ? who.name() : remoteName,
				privacyEnabled, List.of(who), who.id(), createdAt, answeredAt, disconnectedAt, lastEventAt, logStatus, taskId);
	}

	public CallRow withLog(String newLogStatus, String newTaskId) {
		return new CallRow(id, webexCallId, userId, direction, state, remoteNumber, remoteName, privacyEnabled, matches, whoId,
				createdAt, answeredAt, disconnectedAt, lastEventAt, newLogStatus, newTaskId);
	}
}
