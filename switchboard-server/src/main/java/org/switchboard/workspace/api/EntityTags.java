package org.switchboard.workspace.api;

import java.util.List;

import org.switchboard.crm.RecordVersion;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;

/** Record versions as HTTP entity tags: {@code "7"} out in {@code ETag}, back in {@code If-Match} (ADR 0021). */
final class EntityTags {

	private EntityTags() {
	}

	static String of(RecordVersion version) {
		return "\"" + version.tag() + "\"";
	}

	/**
	 * The version an {@code If-Match} header names: null without the header (the write applies), {@code *} for any.
	 * A weak tag never matches for a write (RFC 9110 §13.1.1), and one header naming several versions is refused:
	 * a record has one version a writer read.
	 */
	static String expected(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.equals("*")) {
			return "*";
		}
		if (value.contains(",")) {
			throw new ProblemException(400, "Invalid If-Match", "If-Match must name the one version you read",
					List.of(new FieldProblem("If-Match", "names more than one version")));
		}
		if (value.startsWith("W/")) {
			return value; // compared as written, it equals no version tag
		}
		return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
	}
}
