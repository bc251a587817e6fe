package org.switchboard.webex;

import java.time.Instant;
import java.util.List;

/**
 * A user's Webex sign-in as the home page and {@code GET /api/webex/connection} show it: who they are at Webex, and
 * when not connected, why (e.g. Webex no longer accepted the sign-in). Never carries a token.
 */
public record WebexConnection(boolean connected, String personId, String email, String displayName, String orgId,
		boolean isWebexAdmin, List<String> scopes, Instant expiresAt, String avatar, String signedOutReason, Instant signedOutAt) {

	static WebexConnection none() {
		return new WebexConnection(false, null, null, null, null, false, List.of(), null, null, null, null);
	}

	static WebexConnection signedOut(String email, String reason, Instant at) {
		return new WebexConnection(false, null, email, null, null, false, List.of(), null, null, reason, at);
	}
}
