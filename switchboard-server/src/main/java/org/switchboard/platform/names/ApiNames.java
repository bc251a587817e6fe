package org.switchboard.platform.names;

import java.util.Optional;

/**
 * API names as Salesforce spells them: ASCII, {@code [A-Za-z][A-Za-z0-9_]*}, at most {@value #MAX_LENGTH} characters,
 * and case-insensitive in ASCII only. Anything else names nothing: no Unicode case folding ({@code ſ}, {@code ı},
 * the Kelvin sign) can make two different spellings the same name. Checked character by character, never with a
 * regular expression, so an input of any length costs one bounded pass.
 */
public final class ApiNames {

	/** The longest object or field API name (Salesforce allows 40 characters plus a suffix such as {@code __c}). */
	public static final int MAX_LENGTH = 80;

	private ApiNames() {
	}

	/** True for a well-formed API name. */
	public static boolean isValid(String name) {
		if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || !isAsciiLetter(name.charAt(0))) {
			return false;
		}
		for (int i = 1; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
				return false;
			}
		}
		return true;
	}

	/** The one key a name is looked up by: the name in ASCII lower case; empty when it is not an API name. */
	public static Optional<String> key(String name) {
		return isValid(name) ? Optional.of(asciiLowerCase(name)) : Optional.empty();
	}

	/** True when both are API names that differ at most in the case of ASCII letters. */
	public static boolean same(String a, String b) {
		return isValid(a) && isValid(b) && asciiLowerCase(a).equals(asciiLowerCase(b));
	}

	/** Lower-cases {@code A}–{@code Z} only; every other character is kept as it is. */
	public static String asciiLowerCase(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] >= 'A' && chars[i] <= 'Z') {
				chars[i] = (char) (chars[i] + ('a' - 'A'));
			}
		}
		return new String(chars);
	}

	/** Upper-cases {@code a}–{@code z} only; every other character is kept as it is. */
	public static String asciiUpperCase(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] >= 'a' && chars[i] <= 'z') {
				chars[i] = (char) (chars[i] - ('a' - 'A'));
			}
		}
		return new String(chars);
	}

	/** Case-insensitive equality in ASCII only (for fixed words such as {@code true} or a picklist value). */
	public static boolean equalsIgnoreAsciiCase(String a, String b) {
		return a != null && b != null && a.length() == b.length() && asciiLowerCase(a).equals(asciiLowerCase(b));
	}

	/** The text shortened for an error message, so a huge input is never echoed back whole. */
	public static String abbreviate(String text) {
		if (text == null) {
			return "null";
		}
		return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}
}
