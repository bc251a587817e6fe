package org.switchboard.notifications.template;

/**
 * One {@code [[...]]} of a template: a field or relationship path of the record, or ({@code prior}) the value a
 * field of the record itself had before the change, written {@code [[prior:StageName]]}.
 */
public record Placeholder(String path, boolean prior) {

	public static final String PRIOR_PREFIX = "prior:";

	@Override
	public String toString() {
		return "[[" + (prior ? PRIOR_PREFIX : "") + path + "]]";
	}
}
