package org.switchboard.benchmarks;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --name=value} command-line options, read as text, whole numbers, booleans or durations; a value that does not
 * parse fails with the option's name and what it expected, before any benchmark starts.
 */
final class Options {

	private static final Pattern SUFFIXED = Pattern.compile("(\\d+)(ms|s|m|h)");
	private static final Map<String, ChronoUnit> SUFFIXES = Map.of("ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m",
			ChronoUnit.MINUTES, "h", ChronoUnit.HOURS);

	private final Map<String, String> values;

	private Options(Map<String, String> values) {
		this.values = values;
	}

	static Options parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		return new Options(values);
	}

	String text(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	/** The option's value split at spaces; empty when the option is absent or blank. */
	List<String> words(String name) {
		String value = values.getOrDefault(name, "").strip();
		return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
	}

	/** A whole number, {@code fallback} when the option is absent. */
	int integer(String name, int fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.replace("_", ""));
		}
		catch (NumberFormatException e) {
			throw invalid(name, value, "a whole number");
		}
	}

	/** {@code true} or {@code false}, {@code fallback} when the option is absent. */
	boolean flag(String name, boolean fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw invalid(name, value, "true or false");
		}
		return Boolean.parseBoolean(value);
	}

	/**
	 * A duration: a plain number in {@code plainUnit} (so {@code --seconds=20} keeps meaning 20 s), a number with
	 * {@code ms}, {@code s}, {@code m} or {@code h}, or ISO-8601 ({@code PT20S}); {@code fallback} when absent.
	 */
	Duration duration(String name, ChronoUnit plainUnit, Duration fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		if (value.matches("\\d+")) {
			return Duration.of(Long.parseLong(value), plainUnit);
		}
		Matcher suffixed = SUFFIXED.matcher(value);
		if (suffixed.matches()) {
			return Duration.of(Long.parseLong(suffixed.group(1)), SUFFIXES.get(suffixed.group(2)));
		}
		try {
			return Duration.parse(value);
		}
		catch (RuntimeException e) {
			throw invalid(name, value, "a duration (" + plainUnit.toString().toLowerCase() + ", or 500ms, 20s, 2m, PT20S)");
		}
	}

	/** {@code --db=h2|postgres|both} (default both). */
	List<String> databases() {
		String db = text("db", "both");
		if (!List.of("h2", "postgres", "both").contains(db)) {
			throw invalid("db", db, "h2, postgres or both");
		}
		return db.equals("both") ? List.of("h2", "postgres") : List.of(db);
	}

	/** Every option as given, for passing on as application settings. */
	Map<String, String> asMap() {
		return Map.copyOf(values);
	}

	private static IllegalArgumentException invalid(String name, String value, String expected) {
		return new IllegalArgumentException("--" + name + " must be " + expected + ", not \"" + value + "\"");
	}
}
