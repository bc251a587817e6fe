package dev.switchboard.salesforce.sandbox.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.records.Ids;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;

/**
 * The SOQL subset the double understands, and nothing more:
 * {@code SELECT COUNT() | path, … FROM Object [WHERE cond [AND cond]…] [ORDER BY path [ASC|DESC]] [LIMIT n] [OFFSET n]}
 * with conditions {@code path = literal}, {@code path != literal}, {@code path IN (literal, …)} and
 * {@code path LIKE 'text%'}. Text compares ignoring case and ids in 15 or 18 characters, as Salesforce does.
 * Anything else (sub-queries, TYPEOF, OR, functions, GROUP BY…) is 400 MALFORMED_QUERY.
 */
public final class Soql {

	private final RecordStore store;
	private final Projection projection;

	public Soql(RecordStore store, Projection projection) {
		this.store = store;
		this.projection = projection;
	}

	/** {@code totalSize} and the shaped records (all of them; the caller pages). */
	public Result run(String text) {
		if (text == null || text.isBlank()) {
			throw Tokens.malformed("A query is required");
		}
		Tokens tokens = new Tokens(text);
		tokens.expect("SELECT");
		boolean count = false;
		List<String> rawFields = new ArrayList<>();
		if (tokens.keyword("COUNT")) {
			tokens.expect("(");
			tokens.expect(")");
			count = true;
		}
		else {
			do {
				rawFields.add(tokens.name());
			} while (tokens.keyword(","));
		}
		tokens.expect("FROM");
		String objectName = tokens.name();
		ObjectSpec object = store.schema().find(objectName)
			.orElseThrow(() -> SfError.of(400, "INVALID_TYPE", "sObject type '" + objectName + "' is not supported."));
		List<String> fields = rawFields.stream().map(f -> projection.check(object, f)).distinct().toList();
		Predicate<Map<String, Object>> where = r -> true;
		if (tokens.keyword("WHERE")) {
			do {
				where = where.and(condition(tokens, object));
			} while (tokens.keyword("AND"));
		}
		Comparator<Map<String, Object>> order = null;
		if (tokens.keyword("ORDER")) {
			tokens.expect("BY");
			String path = projection.check(object, tokens.name());
			order = Comparator.comparing(r -> sortKey(projection.value(r, path)), Comparator.nullsLast(Comparator.naturalOrder()));
			if (tokens.keyword("DESC")) {
				order = order.reversed();
			}
			else {
				tokens.keyword("ASC");
			}
		}
		int limit = tokens.keyword("LIMIT") ? tokens.number() : Integer.MAX_VALUE;
		int offset = tokens.keyword("OFFSET") ? tokens.number() : 0;
		if (offset > 2000) {
			throw SfError.of(400, "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is 2000");
		}
		if (!tokens.done()) {
			throw Tokens.malformed("unexpected token: '" + tokens.peek() + "'");
		}
		var stream = store.all(object.name()).stream().filter(where);
		if (order != null) {
			stream = stream.sorted(order);
		}
		List<Map<String, Object>> matched = stream.skip(offset).limit(limit).toList();
		if (count) {
			return new Result(matched.size(), List.of());
		}
		return new Result(matched.size(), matched.stream().map(r -> projection.shape(r, fields)).toList());
	}

	private Predicate<Map<String, Object>> condition(Tokens tokens, ObjectSpec object) {
		String path = projection.check(object, tokens.name());
		if (tokens.keyword("IN")) {
			tokens.expect("(");
			List<Object> values = new ArrayList<>();
			do {
				values.add(tokens.literal());
			} while (tokens.keyword(","));
			tokens.expect(")");
			return r -> values.stream().anyMatch(v -> same(projection.value(r, path), v));
		}
		if (tokens.keyword("LIKE")) {
			Object pattern = tokens.literal();
			Pattern like = Pattern.compile(Pattern.quote(String.valueOf(pattern)).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q"),
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
			return r -> {
				Object value = projection.value(r, path);
				return value != null && like.matcher(value.toString()).matches();
			};
		}
		boolean negate = tokens.keyword("!=");
		if (!negate) {
			tokens.expect("=");
		}
		Object literal = tokens.literal();
		return negate ? r -> !same(projection.value(r, path), literal) : r -> same(projection.value(r, path), literal);
	}

	private static boolean same(Object stored, Object literal) {
		if (stored == null || literal == null) {
			return stored == literal;
		}
		if (literal instanceof String text) {
			String id = Ids.canonical(text);
			if (id != null && id.equals(Ids.canonical(stored.toString()))) {
				return true;
			}
			return stored.toString().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT));
		}
		if (literal instanceof java.math.BigDecimal number && stored instanceof java.math.BigDecimal value) {
			return number.compareTo(value) == 0;
		}
		return Objects.equals(stored, literal);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Comparable sortKey(Object value) {
		return value == null ? null : value instanceof String s ? s.toLowerCase(Locale.ROOT) : (Comparable) value;
	}

	/** What a query found. */
	public record Result(int totalSize, List<Map<String, Object>> records) {
	}
}
