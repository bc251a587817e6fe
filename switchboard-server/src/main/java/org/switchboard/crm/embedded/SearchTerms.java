package org.switchboard.crm.embedded;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;

/**
 * The words a record can be found by: each name, email and company value as a whole and word by word,
 * lower-cased and without accents, so "José" is found by "jose" and "ana.lopez@x.com" by "lopez". Public so that
 * every adapter finds by the same words (the port's promise on search).
 */
public final class SearchTerms {

	private static final Set<String> SEARCH_FIELDS = Set.of("Name", "FirstName", "LastName", "Company", "Username",
			"CaseNumber", "Subject", "SuppliedName", "SuppliedCompany");

	static final int MAX_TERM_LENGTH = 255;
	private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
	private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

	private SearchTerms() {
	}

	/** Whether a record is found by the words of this field: emails and the name, company and subject fields. */
	public static boolean isSearchField(FieldDescription field) {
		return field.type() == FieldType.EMAIL || SEARCH_FIELDS.contains(field.name());
	}

	/** Whether every word of {@code query} starts one of the words of these field values. */
	public static boolean matches(List<String> values, String query) {
		Set<String> terms = of(values);
		List<String> words = queryWords(query);
		return !words.isEmpty() && words.stream().allMatch(w -> terms.stream().anyMatch(t -> t.startsWith(w)));
	}

	static Set<String> of(List<String> values) {
		Set<String> terms = new LinkedHashSet<>();
		for (String value : values) {
			String folded = fold(value);
			if (folded.isEmpty()) {
				continue;
			}
			terms.add(truncate(folded));
			for (String word : WORD_SEPARATORS.split(folded)) {
				if (!word.isEmpty()) {
					terms.add(truncate(word));
				}
			}
		}
		return terms;
	}

	/** The words of a query, each to be matched as a prefix of some term. */
	static List<String> queryWords(String query) {
		String folded = fold(query);
		return folded.isEmpty() ? List.of()
				: java.util.Arrays.stream(WORD_SEPARATORS.split(folded)).filter(w -> !w.isEmpty()).distinct().limit(5).toList();
	}

	static String fold(String value) {
		if (value == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(value.trim(), Normalizer.Form.NFD);
		return ACCENTS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
	}

	private static String truncate(String term) {
		return term.length() > MAX_TERM_LENGTH ? term.substring(0, MAX_TERM_LENGTH) : term;
	}
}
