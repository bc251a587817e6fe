package org.switchboard.notifications.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Cisco's {@code [[Field]]} / {@code [[Relationship.Path.Field]]} placeholders plus {@code [[prior:Field]]}.
 * Hand-written rather than a templating engine so that every mistake is reported with what and where.
 */
public final class TemplateParser {

	private static final Pattern PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

	private TemplateParser() {
	}

	/** @throws TemplateException naming the first malformed placeholder */
	public static Template parse(String source) {
		if (source == null || source.isBlank()) {
			throw new TemplateException("is required");
		}
		List<Object> parts = new ArrayList<>();
		int at = 0;
		while (at < source.length()) {
			int open = source.indexOf("[[", at);
			if (open < 0) {
				parts.add(source.substring(at));
				break;
			}
			if (open > at) {
				parts.add(source.substring(at, open));
			}
			int close = source.indexOf("]]", open + 2);
			if (close < 0) {
				throw new TemplateException("'[[' at position " + (open + 1) + " is never closed with ']]'");
			}
			parts.add(placeholder(source.substring(open + 2, close).trim(), open));
			at = close + 2;
		}
		return new Template(parts);
	}

	private static Placeholder placeholder(String inside, int position) {
		boolean prior = inside.startsWith(Placeholder.PRIOR_PREFIX);
		String path = prior ? inside.substring(Placeholder.PRIOR_PREFIX.length()).trim() : inside;
		if (!PATH.matcher(path).matches()) {
			throw new TemplateException("'[[" + inside + "]]' at position " + (position + 1)
					+ " is not a field name, a relationship path such as Owner.Profile.Name, or prior:Field");
		}
		if (prior && path.contains(".")) {
			throw new TemplateException("'[[" + inside + "]]': prior values are known only for the record's own fields, not relationship paths");
		}
		return new Placeholder(path, prior);
	}
}
