package org.switchboard.access;

import java.util.Locale;

/** What a profile may do with the records of an object. */
public enum ObjectOperation {
	READ("read"), CREATE("create"), EDIT("edit"), DELETE("delete");

	private final String verb;

	ObjectOperation(String verb) {
		this.verb = verb;
	}

	public String verb() {
		return verb;
	}

	public static ObjectOperation fromVerb(String verb) {
		return valueOf(verb.trim().toUpperCase(Locale.ROOT));
	}
}
