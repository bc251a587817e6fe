package org.switchboard.crm.salesforce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Builds the SOQL and SOSL text the adapter sends, escaping every value that goes into it. */
final class Soql {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
	private static final Pattern SOSL_RESERVED = Pattern.compile("([?&|!{}\\[\\]()^~*:\\\\\"'+\\-])");

	private Soql() {
	}

	static boolean isId(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** A quoted SOQL string literal. */
	static String literal(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	static String select(Collection<String> fields, String object) {
		return "SELECT " + String.join(", ", fields) + " FROM " + object;
	}

	static String queryPath(String soql) {
		return "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
	}

	static String searchPath(String sosl) {
		return "/search?q=" + URLEncoder.encode(sosl, StandardCharsets.UTF_8);
	}

	/** One SOSL word: reserved characters escaped, {@code *} appended for a prefix match. */
	static String soslWord(String word, boolean prefix) {
		return SOSL_RESERVED.matcher(word).replaceAll("\\\\$1") + (prefix ? "*" : "");
	}

	static String soslPrefixTerms(List<String> words) {
		return String.join(" ", words.stream().map(w -> soslWord(w, true)).toList());
	}
}
