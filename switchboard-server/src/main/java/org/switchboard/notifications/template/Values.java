package org.switchboard.notifications.template;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** How field values appear in a message: plain text, an empty value as nothing, decimals without exponents. */
public final class Values {

	/** Webex refuses a message text over 7,439 bytes. */
	public static final int MAX_MESSAGE_BYTES = 7_439;

	private Values() {
	}

	public static String text(Object value) {
		if (value == null) {
			return "";
		}
		return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value.toString();
	}

	/** Cuts a message to what Webex accepts, on a code point boundary, ending with an ellipsis. */
	public static String fitForWebex(String text) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES) {
			return text;
		}
		int budget = MAX_MESSAGE_BYTES - "…".getBytes(StandardCharsets.UTF_8).length;
		int end = 0;
		while (end < text.length()) {
			int codePoint = text.codePointAt(end);
			int bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes > budget) {
				break;
			}
			budget -= bytes;
			end += Character.charCount(codePoint);
		}
		return text.substring(0, end) + "…";
	}
}
