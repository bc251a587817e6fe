package org.switchboard.calling.settings;

import java.util.List;

/** Outbound and inbound call logs: each switched on or off, with the objects a log may be related to (WhatId). */
public record CallLogSettings(Direction outbound, Direction inbound) {

	public static final String SECTION = "callLogs";

	public Direction of(boolean inboundCall) {
		return inboundCall ? inbound : outbound;
	}

	public record Direction(boolean enabled, List<String> relatedObjects) {

		public Direction {
			relatedObjects = relatedObjects == null ? List.of() : List.copyOf(relatedObjects);
		}
	}
}
