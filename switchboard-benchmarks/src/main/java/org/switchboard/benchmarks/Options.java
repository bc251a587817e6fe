package org.switchboard.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} command-line options. */
final class Options {

	private Options() {
	}

	static Map<String, String> parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		return options;
	}

	/** {@code --db=h2|postgres|both} (default both). */
	static List<String> databases(Map<String, String> options) {
		String db = options.getOrDefault("db", "both");
		return db.equals("both") ? List.of("h2", "postgres") : List.of(db);
	}
}
