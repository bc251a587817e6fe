package dev.switchboard.salesforce.sandbox.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import dev.switchboard.salesforce.sandbox.schema.FieldSpec;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;

/**
 * The SOSL subset the double understands:
 * {@code FIND {terms} [IN ALL|NAME|EMAIL|PHONE FIELDS] RETURNING Object[(path, … [ORDER BY path] [LIMIT n])] [, …] [LIMIT n]}.
 * Terms are words (AND) with an optional trailing {@code *}, alternatives joined by {@code OR}; reserved
 * characters are escaped with a backslash. Words match tokens of the searched fields ignoring case and accents.
 * Phone fields are compared on digits: a term matches a number whose digits end with the term's (or the other
 * way round, for seven digits or more), a term ending in {@code *} a number containing them. How real SOSL
 * tokenises phone numbers is UNCONFIRMED in the reference; the adapter re-checks every hit as E.164.
 */
public final class Sosl {

	private static final Pattern FIND = Pattern.compile(
			"(?is)^\\s*FIND\\s*\\{((?:[^}\\\\]|\\\\.)*)}\\s*(?:IN\\s+(ALL|NAME|EMAIL|PHONE)\\s+FIELDS\\s*)?RETURNING\\s+(.+?)(?:\\s+LIMIT\\s+(\\d{1,4}))?\\s*$");
	private static final Pattern RETURNING = Pattern.compile(
			"(?is)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\(\\s*([A-Za-z0-9_.,\\s]+?)(?:\\s+ORDER\\s+BY\\s+([A-Za-z0-9_.]+))?(?:\\s+LIMIT\\s+(\\d{1,4}))?\\s*\\))?\\s*(,|$)");
	private static final Set<String> NAME_FIELDS = Set.of("Name", "FirstName", "LastName", "Company", "Subject", "SuppliedName",
			"SuppliedCompany", "CaseNumber", "Username", "AssistantName");

	private static final Pattern PHONE_TERM = Pattern.compile("[\\d\\s()+\\-.*]+");

	private final RecordStore store;
	private final Projection projection;

	public Sosl(RecordStore store, Projection projection) {
		this.store = store;
		this.projection = projection;
	}

	public List<Map<String, Object>> run(String text) {
		Matcher find = FIND.matcher(text == null ? "" : text);
		if (!find.matches()) {
			throw Tokens.malformed("The SOSL statement is not in the supported form: FIND {…} [IN … FIELDS] RETURNING Object(fields) [LIMIT n]");
		}
		String scope = find.group(2) == null ? "ALL" : find.group(2).toUpperCase(Locale.ROOT);
		List<List<String>> alternatives = alternatives(find.group(1));
		int overall = find.group(4) == null ? 2000 : Math.min(2000, Integer.parseInt(find.group(4)));
		List<Map<String, Object>> found = new ArrayList<>();
		Matcher returning = RETURNING.matcher(find.group(3));
		int end = 0;
		while (end < find.group(3).length() && returning.find(end) && returning.start() == end) {
			found.addAll(search(returning, scope, alternatives));
			end = returning.end();
		}
		if (end < find.group(3).length()) {
			throw Tokens.malformed("unexpected token in RETURNING: '" + find.group(3).substring(end).strip() + "'");
		}
		return found.stream().limit(overall).toList();
	}

	private List<Map<String, Object>> search(Matcher returning, String scope, List<List<String>> alternatives) {
		String objectName = returning.group(1);
		ObjectSpec object = store.schema().find(objectName)
			.orElseThrow(() -> SfError.of(400, "INVALID_TYPE", "sObject type '" + objectName + "' is not supported."));
		List<String> fields = returning.group(2) == null ? List.of("Id")
				: Arrays.stream(returning.group(2).split(",")).map(String::strip).map(f -> projection.check(object, f)).distinct().toList();
		String orderBy = returning.group(3) == null ? object.nameField() : projection.check(object, returning.group(3));
		int limit = returning.group(4) == null ? 2000 : Integer.parseInt(returning.group(4));
		List<FieldSpec> searched = object.fields().stream().filter(f -> inScope(f, scope)).toList();
		return store.all(object.name()).stream().filter(r -> alternatives.stream().anyMatch(words -> matches(r, searched, words)))
			.sorted(Comparator.comparing(r -> String.valueOf(projection.value(r, orderBy)).toLowerCase(Locale.ROOT)))
			.limit(limit).map(r -> projection.shape(r, fields)).toList();
	}

	private static boolean inScope(FieldSpec field, String scope) {
		return switch (scope) {
			case "PHONE" -> "phone".equals(field.type());
			case "EMAIL" -> "email".equals(field.type());
			case "NAME" -> field.nameField() || NAME_FIELDS.contains(field.name());
			default -> field.textual() && !"picklist".equals(field.type());
		};
	}

	private static boolean matches(Map<String, Object> record, List<FieldSpec> fields, List<String> words) {
		return words.stream().allMatch(word -> fields.stream().anyMatch(f -> {
			Object value = record.get(f.name());
			return value != null && ("phone".equals(f.type()) ? phoneMatches(value.toString(), word) : textMatches(value.toString(), word));
		}));
	}

	/**
	 * A term made of digits and phone punctuation is compared on digits; any other term (a word with letters)
	 * matches a phone field's text tokens like any field's, so "fq12ab*" never matches a number containing 12.
	 */
	private static boolean phoneMatches(String stored, String word) {
		if (!PHONE_TERM.matcher(word).matches()) {
			return textMatches(stored, word);
		}
		String digits = stored.replaceAll("(?i)\\s*(x|ext).*$", "").replaceAll("\\D", "");
		String wanted = word.replaceAll("\\D", "");
		if (wanted.isEmpty() || digits.isEmpty()) {
			return false;
		}
		if (word.endsWith("*")) {
			return digits.contains(wanted);
		}
		return digits.endsWith(wanted) || (digits.length() >= 7 && wanted.endsWith(digits));
	}

	private static boolean textMatches(String stored, String word) {
		List<String> have = tokens(stored);
		List<String> want = tokens(word);
		for (int i = 0; i < want.size(); i++) {
			String token = want.get(i);
			boolean prefix = i == want.size() - 1 && word.endsWith("*");
			if (have.stream().noneMatch(h -> prefix ? h.startsWith(token) : h.equals(token))) {
				return false;
			}
		}
		return !want.isEmpty();
	}

	private static List<String> tokens(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toList();
	}

	private static List<List<String>> alternatives(String terms) {
		List<List<String>> alternatives = new ArrayList<>();
		for (String alternative : terms.split("\\s+OR\\s+")) {
			List<String> words = new ArrayList<>();
			for (String word : alternative.replaceAll("\\\\(.)", "$1").split("\\s+")) {
				if (!word.equalsIgnoreCase("AND") && word.matches(".*[\\p{L}\\p{N}].*")) {
					words.add(word);
				}
			}
			if (!words.isEmpty()) {
				alternatives.add(words);
			}
		}
		if (alternatives.isEmpty()) {
			throw SfError.of(400, "MALFORMED_SEARCH", "Search term must be longer than one character");
		}
		return alternatives;
	}
}
