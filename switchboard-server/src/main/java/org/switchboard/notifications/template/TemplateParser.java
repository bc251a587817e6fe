package org.switchboard.notifications.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.switchboard.platform.names.ApiNames;

/**
 * Reads Cisco's {@code [[Field]]} / {@code [[Relationship.Path.Field]]} placeholders plus {@code [[prior:Field]]}.
 * Hand-written rather than a templating engine so that every mistake is reported with what and where.
 */
public final class TemplateParser {

	/** A field and at most five relationships before it, each an API name: checked without a regular expression. */
	private static final int MAX_SEGMENTS = 6;

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

	private static boolean isPath(String path) {
		if (path.length() > MAX_SEGMENTS * (ApiNames.MAX_LENGTH + 1)) {
			return false;
		}
		String[] segments = path.split("\\.", -1);
		return segments.length <= MAX_SEGMENTS && Arrays.stream(segments).allMatch(ApiNames::isValid);
	}

	private static Placeholder placeholder(String inside, int position) {
		boolean prior = inside.startsWith(Placeholder.PRIOR_PREFIX);
		String path = prior ? inside.substring(Placeholder.PRIOR_PREFIX.length()).trim() : inside;
		if (!isPath(path)) {
			throw new TemplateException("'[[" + inside + "]]' at position " + (position + 1)
					+ " is not a field name, a relationship path such as Owner.Profile.Name, or prior:Field");
		}
		if (prior && path.contains(".")) {
			throw new TemplateException("'[[" + inside + "]]': prior values are known only for the record's own fields, not relationship paths");
		}
		return new Placeholder(path, prior);
	}
}
