package org.switchboard.calling.calls;

import java.util.Locale;

public enum Direction {
	INBOUND, OUTBOUND;

	/** Webex's personality: the terminator of a call is its callee; originator and clickToDial place calls. */
	static Direction ofPersonality(String personality) {
		return "terminator".equals(personality) ? INBOUND : OUTBOUND;
	}

	public boolean inbound() {
		return this == INBOUND;
	}

	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** As Task.CallType spells it. */
	public String callType() {
		return inbound() ? "Inbound" : "Outbound";
	}
}
