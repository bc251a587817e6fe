package org.switchboard.messaging.settings;

/** Whether the Webex panel offers chat (M3: direct and group messaging) to every Webex User. */
public record ChatSettings(Boolean enabled) {

	public static final String SECTION = "chat";
}
