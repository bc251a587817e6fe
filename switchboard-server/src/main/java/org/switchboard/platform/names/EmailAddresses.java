package org.switchboard.platform.names;

import java.util.Optional;

/**
 * Email addresses compared as one canonical form: trimmed, ASCII letters lower-cased, every other character kept.
 * A user name must be an ASCII address ({@link #userName}), so no Unicode case folding or accent stripping can make
 * two different addresses sign in as the same user.
 */
public final class EmailAddresses {

	/** The longest address SMTP allows. */
	public static final int MAX_LENGTH = 254;

	private EmailAddresses() {
	}

	/** The form two addresses are compared in (for de-duplication); null stays null. */
	public static String canonical(String email) {
		return email == null ? null : ApiNames.asciiLowerCase(email.strip());
	}

	/** True when both are the same address in canonical form. */
	public static boolean same(String a, String b) {
		return a != null && b != null && canonical(a).equals(canonical(b));
	}

	/**
	 * The canonical user name for a sign-in name: an address of printable ASCII characters with one {@code @} and a dot
	 * in its domain, at most {@value #MAX_LENGTH} characters; empty for anything else.
	 */
	public static Optional<String> userName(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String email = text.strip();
		if (email.isEmpty() || email.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		int at = -1;
		for (int i = 0; i < email.length(); i++) {
			char c = email.charAt(i);
			if (c <= 0x20 || c >= 0x7F) {
				return Optional.empty();
			}
			if (c == '@') {
				if (at >= 0) {
					return Optional.empty();
				}
				at = i;
			}
		}
		boolean shaped = at > 0 && email.indexOf('.', at) > at + 1 && !email.endsWith(".");
		return shaped ? Optional.of(ApiNames.asciiLowerCase(email)) : Optional.empty();
	}
}
