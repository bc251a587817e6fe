package dev.switchboard.salesforce.pubsub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;

/**
 * The value Salesforce sends for an updated large text field listed in {@code diffFields}: a unified diff over the
 * value's lines, headed {@code "--- \n+++ <SHA-256 of the new value>\n"}. Salesforce sends a diff only for values of
 * at least 1,000 characters, when the length changed by at most half, at most a quarter of the lines changed and the
 * diff is shorter than the value; otherwise the whole value.
 */
public final class TextDiff {

	public static final int MIN_LENGTH = 1000;

	private TextDiff() {
	}

	/** The diff Salesforce would send for this update, or empty when it would send {@code after} whole. */
	public static Optional<String> of(String before, String after) {
		if (before == null || after == null || after.length() < MIN_LENGTH || Math.abs(after.length() - before.length()) * 2 > before.length()) {
			return Optional.empty();
		}
		List<String> oldLines = lines(before);
		List<String> newLines = lines(after);
		Patch<String> patch = DiffUtils.diff(oldLines, newLines);
		int changed = patch.getDeltas().stream().mapToInt(d -> d.getSource().size() + d.getTarget().size()).sum();
		if (patch.getDeltas().isEmpty() || changed * 4 > oldLines.size() + newLines.size()) {
			return Optional.empty();
		}
		List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("", "", oldLines, patch, 1);
		String diff = "--- \n+++ " + sha256(after) + "\n" + String.join("\n", unified.subList(2, unified.size()));
		return diff.length() < after.length() ? Optional.of(diff) : Optional.empty();
	}

	/**
	 * The new value from the value before and Salesforce's diff, checked against the diff's hash.
	 *
	 * @throws IllegalArgumentException when the text is not such a diff, does not apply to {@code before} or the result
	 *         does not match the hash (the value before was not the one Salesforce diffed against)
	 */
	public static String apply(String before, String diff) {
		List<String> lines = lines(diff);
		if (before == null || lines.size() < 3 || !lines.get(0).startsWith("---") || !lines.get(1).startsWith("+++ ")) {
			throw new IllegalArgumentException("Not a unified diff of a text field");
		}
		String after;
		try {
			after = String.join("\n", UnifiedDiffUtils.parseUnifiedDiff(lines).applyTo(lines(before)));
		}
		catch (PatchFailedException | RuntimeException e) {
			throw new IllegalArgumentException("The diff does not apply to the value before: " + e.getMessage(), e);
		}
		if (!sha256(after).equalsIgnoreCase(lines.get(1).substring(4).trim())) {
			throw new IllegalArgumentException("The value rebuilt from the diff does not match its SHA-256 hash");
		}
		return after;
	}

	private static List<String> lines(String text) {
		return Arrays.asList(text.split("\n", -1));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every JVM has SHA-256", e);
		}
	}
}
