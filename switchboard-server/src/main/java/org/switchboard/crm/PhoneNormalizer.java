package org.switchboard.crm;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns a phone number as typed into the E.164 form used for matching, without requiring
 * libphonenumber to consider the number valid: 555 numbers and unassigned ranges still match.
 * Extensions ("x12", "ext. 12") are dropped, because a caller id never carries one.
 */
public final class PhoneNormalizer {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
	private static final Pattern INTERNATIONAL_00 = Pattern.compile("^\\s*00(?=\\s*[1-9])");
	private static final Pattern GROUP_SEPARATORS = Pattern.compile("[^0-9]+");
	private static final int MIN_DIGITS = 3;
	private static final int MAX_DIGITS = 17;

	private PhoneNormalizer() {
	}

	/** The E.164 form, or empty when the text is not a phone number. */
	public static Optional<String> toE164(String typed, String defaultRegion) {
		return parse(typed, defaultRegion).map(number -> UTIL.format(number, PhoneNumberFormat.E164));
	}

	/**
	 * The E.164 form and its {@link #digitGroups digit groups} from one parse of the typed text (a bulk write needs
	 * both for every number); empty when {@link #toE164} is.
	 */
	public static Optional<Normalized> normalize(String typed, String defaultRegion) {
		return parse(typed, defaultRegion).map(number -> {
			String e164 = UTIL.format(number, PhoneNumberFormat.E164);
			return new Normalized(e164, groups(number, e164.substring(1)));
		});
	}

	/**
	 * The digit groups of an E.164 number as libphonenumber writes it internationally: the country code, then each
	 * group of the national number ({@code +1 415-555-0142} → 1, 415, 555, 0142; {@code +44 20 7946 0958} → 44, 20,
	 * 7946, 0958). A number libphonenumber has no grouping for comes back as its country code and one national group;
	 * text that is not an E.164 number as one group of its digits.
	 */
	public static List<String> digitGroups(String e164) {
		String digits = e164.startsWith("+") ? e164.substring(1) : e164;
		try {
			return groups(UTIL.parse("+" + digits, "ZZ"), digits);
		}
		catch (NumberParseException e) {
			return List.of(digits);
		}
	}

	/** A number in E.164 and the digit groups of its international format. */
	public record Normalized(String e164, List<String> digitGroups) {
	}

	private static Optional<PhoneNumber> parse(String typed, String defaultRegion) {
		if (typed == null || typed.isBlank() || typed.length() > 60) {
			return Optional.empty();
		}
		// "0049 30 …" is how most of the world writes an international number; libphonenumber
		// only understands the international prefix of the default region (011 for US).
		String text = INTERNATIONAL_00.matcher(typed).replaceFirst("+");
		try {
			PhoneNumber number = UTIL.parse(text, defaultRegion);
			String digits = String.valueOf(number.getNationalNumber());
			if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
				return Optional.empty();
			}
			number.clearExtension();
			return Optional.of(number);
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}

	private static List<String> groups(PhoneNumber number, String digits) {
		String formatted = UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
		List<String> groups = List.of(GROUP_SEPARATORS.split(formatted.substring(1)));
		return String.join("", groups).equals(digits) ? groups : List.of(digits);
	}
}
