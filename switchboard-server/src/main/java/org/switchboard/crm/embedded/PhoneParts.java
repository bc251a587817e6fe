package org.switchboard.crm.embedded;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.crm.PhoneNormalizer;

/**
 * The searchable tails of an E.164 number (ADR 0032): the digits from the start of each group of the number as
 * libphonenumber writes it (country code, then the national groups), so typed digits match a number iff they start
 * one of them, as a name search matches the start of a word. A number without national groups (libphonenumber has
 * no format for it) keeps every tail. A tail has at least {@link #MIN_DIGITS} digits.
 */
final class PhoneParts {

	static final int MIN_DIGITS = 4;

	private PhoneParts() {
	}

	static List<String> of(String e164) {
		return ofGroups(PhoneNormalizer.digitGroups(e164));
	}

	/** The tails of a number given as its {@link PhoneNormalizer#digitGroups digit groups}. */
	static List<String> ofGroups(List<String> groups) {
		String digits = String.join("", groups);
		List<String> parts = new ArrayList<>();
		if (groups.size() <= 2) {
			for (int start = 0; start + MIN_DIGITS <= digits.length(); start++) {
				parts.add(digits.substring(start));
			}
			return parts;
		}
		int start = 0;
		for (String group : groups) {
			if (start + MIN_DIGITS <= digits.length()) {
				parts.add(digits.substring(start));
			}
			start += group.length();
		}
		return parts;
	}

}
