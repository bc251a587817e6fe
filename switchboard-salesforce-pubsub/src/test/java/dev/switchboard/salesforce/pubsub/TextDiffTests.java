package dev.switchboard.salesforce.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextDiffTests {

	@Test
	void aDiffRebuildsTheNewValueFromTheOldOne() {
		String before = PubSubDoubleTests.paragraphs(30, -1);
		String after = PubSubDoubleTests.paragraphs(30, 12) + "\nOne more line at the end.";

		String diff = TextDiff.of(before, after).orElseThrow();

		assertThat(diff).startsWith("--- \n+++ ").contains("@@ ");
		assertThat(TextDiff.apply(before, diff)).isEqualTo(after);
	}

	@Test
	void salesforcesZeroContextHunksApplyAndTheHashIsChecked() {
		String before = "first\nsecond\nthird";
		String after = "first\nSECOND\nthird";
		String diff = "--- \n+++ " + sha256(after) + "\n@@ -2,1 +2,1 @@\n-second\n+SECOND";

		assertThat(TextDiff.apply(before, diff)).isEqualTo(after);
		assertThatThrownBy(() -> TextDiff.apply("first\nother\nthird", diff)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TextDiff.apply(before, diff.replace(sha256(after), sha256(before)))).hasMessageContaining("SHA-256");
		assertThatThrownBy(() -> TextDiff.apply(before, "not a diff")).hasMessageContaining("Not a unified diff");
	}

	@Test
	void shortValuesAndLargeRewritesAreSentWhole() {
		String before = PubSubDoubleTests.paragraphs(30, -1);
		assertThat(TextDiff.of("short", "shorter")).isEmpty();
		assertThat(TextDiff.of(before, before.substring(0, before.length() / 3) + PubSubDoubleTests.paragraphs(30, 3).substring(0, 400)))
			.as("length changed by more than half").isEmpty();
		String rewritten = before.replace("Line 1", "Row 1").replace("kept the same", "changed here");
		assertThat(TextDiff.of(before, rewritten)).as("more than a quarter of the lines changed").isEmpty();
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
