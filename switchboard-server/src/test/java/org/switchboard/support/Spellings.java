package org.switchboard.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Other spellings of an ASCII name: the casings a caller may use, and the non-ASCII characters that Java's case
 * mappings turn into an ASCII letter (found by scanning every code point, so a new Unicode version cannot hide one).
 */
public final class Spellings {

	/** Every code point whose upper or lower case, or {@code equalsIgnoreCase}, lands on this ASCII letter. */
	public static final Map<Character, List<String>> FOLDING_ONTO_ASCII = scan();

	/** Folds onto {@code å}, not ASCII, but a look-alike of {@code A}: a name with it must name nothing either. */
	public static final String ANGSTROM_SIGN = "\u212B";

	private Spellings() {
	}

	/** The characters found by the scan, each once. */
	public static Set<String> foldingCharacters() {
		Set<String> all = new LinkedHashSet<>();
		FOLDING_ONTO_ASCII.values().forEach(all::addAll);
		return all;
	}

	/** All lower, all upper, swapped, and each single letter's case flipped: all must resolve as the name itself. */
	public static List<String> asciiCasings(String name) {
		Set<String> casings = new LinkedHashSet<>();
		casings.add(name.toLowerCase(Locale.ROOT));
		casings.add(name.toUpperCase(Locale.ROOT));
		casings.add(swapCase(name));
		for (int i = 0; i < name.length(); i++) {
			casings.add(name.substring(0, i) + swapCase(name.substring(i, i + 1)) + name.substring(i + 1));
		}
		casings.remove(name);
		return List.copyOf(casings);
	}

	/** A few casings for tests that pay an HTTP request per spelling. */
	public static List<String> someAsciiCasings(String name) {
		Set<String> casings = new LinkedHashSet<>(List.of(name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT), swapCase(name)));
		casings.remove(name);
		return List.copyOf(casings);
	}

	/**
	 * Each folding character put in for every letter it folds onto (all at once), and in for the first such letter
	 * only; plus the Angstrom sign for an A. None of these may name anything.
	 */
	public static List<String> unicodeSpellings(String name) {
		return unicodeSpellings(name, true);
	}

	/**
	 * For tests that pay an HTTP request per spelling: each folding character in for every letter it folds onto, and
	 * the Angstrom sign for an A.
	 */
	public static List<String> someUnicodeSpellings(String name) {
		return unicodeSpellings(name, false);
	}

	private static List<String> unicodeSpellings(String name, boolean firstOnlyToo) {
		Set<String> spellings = new LinkedHashSet<>();
		for (Map.Entry<Character, List<String>> fold : FOLDING_ONTO_ASCII.entrySet()) {
			for (String c : fold.getValue()) {
				StringBuilder all = new StringBuilder();
				String first = null;
				for (int i = 0; i < name.length(); i++) {
					boolean hit = name.charAt(i) == fold.getKey();
					all.append(hit ? c : String.valueOf(name.charAt(i)));
					if (hit && first == null) {
						first = name.substring(0, i) + c + name.substring(i + 1);
					}
				}
				if (first != null) {
					if (firstOnlyToo) {
						spellings.add(first);
					}
					spellings.add(all.toString());
				}
			}
		}
		int a = name.toUpperCase(Locale.ROOT).indexOf('A');
		if (a >= 0) {
			spellings.add(name.substring(0, a) + ANGSTROM_SIGN + name.substring(a + 1));
		}
		return List.copyOf(spellings);
	}

	private static String swapCase(String text) {
		StringBuilder swapped = new StringBuilder();
		for (char c : text.toCharArray()) {
			swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
		}
		return swapped.toString();
	}

	private static Map<Character, List<String>> scan() {
		Map<Character, List<String>> found = new LinkedHashMap<>();
		for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
			String s = new String(Character.toChars(cp));
			for (char letter = 'A'; letter <= 'z'; letter++) {
				if (!Character.isLetter(letter)) {
					continue;
				}
				String l = String.valueOf(letter);
				if (Character.toUpperCase(cp) == letter || Character.toLowerCase(cp) == letter || s.equalsIgnoreCase(l)
						|| s.toUpperCase(Locale.ROOT).equals(l) || s.toLowerCase(Locale.ROOT).equals(l)) {
					found.computeIfAbsent(letter, k -> new ArrayList<>()).add(s);
				}
			}
		}
		return found;
	}
}
