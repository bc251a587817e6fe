package org.switchboard.calling.settings;

/** Whether the dialer shows each user their recent Webex calls. */
public record CallHistorySettings(boolean enabled) {

	public static final String SECTION = "callHistory";
}
