package org.switchboard.meetings.scheduling;

import org.switchboard.webex.WebexApiException;

/** Webex's reason for a refusal, in its own words (each invitee Webex refuses is reported with it). */
public final class WebexRefusals {

	private WebexRefusals() {
	}

	public static String reason(WebexApiException e) {
		String described = String.join("; ", e.errors().stream().filter(d -> d != null && !d.isBlank()).toList());
		return described.isEmpty() ? e.getMessage() : described;
	}
}
