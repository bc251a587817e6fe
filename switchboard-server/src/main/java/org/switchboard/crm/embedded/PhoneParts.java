package org.switchboard.crm.embedded;

import java.util.ArrayList;
import java.util.List;

/** The searchable tails of an E.164 number: a digit string occurs in the number iff it starts one of them. */
final class PhoneParts {

	static final int MIN_DIGITS = 4;

	private PhoneParts() {
	}

	static List<String> of(String e164) {
		String digits = e164.startsWith("+") ? e164.substring(1) : e164;
		List<String> parts = new ArrayList<>();
		for (int start = 0; start + MIN_DIGITS <= digits.length(); start++) {
			parts.add(digits.substring(start));
		}
		return parts;
	}
}
