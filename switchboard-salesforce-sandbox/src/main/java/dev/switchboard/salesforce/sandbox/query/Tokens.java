package dev.switchboard.salesforce.sandbox.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.salesforce.sandbox.http.SfError;

/** The tokens of a SOQL statement, read left to right; anything unexpected is a loud MALFORMED_QUERY. */
final class Tokens {

	private static final Pattern TOKEN = Pattern.compile(
			"\\s*(?:('(?:[^'\\\\]|\\\\.)*')|([A-Za-z_][A-Za-z0-9_.]*)|(-?\\d+(?:\\.\\d+)?)|(<=|>=|!=|[(),=<>]))");

	private final List<String> tokens = new ArrayList<>();
	private int at;

	Tokens(String text) {
		Matcher m = TOKEN.matcher(text);
		int end = 0;
		while (end < text.length() && m.find(end) && m.start() == end) {
			tokens.add(m.group().strip());
			end = m.end();
		}
		if (!text.substring(end).isBlank()) {
			throw malformed("unexpected token: '" + text.substring(end).strip().split("\\s+")[0] + "'");
		}
	}

	static SfError malformed(String message) {
		return SfError.of(400, "MALFORMED_QUERY", message);
	}

	boolean done() {
		return at >= tokens.size();
	}

	String peek() {
		return done() ? "" : tokens.get(at);
	}

	boolean keyword(String word) {
		if (peek().equalsIgnoreCase(word)) {
			at++;
			return true;
		}
		return false;
	}

	void expect(String word) {
		if (!keyword(word)) {
			throw malformed("expecting '" + word + "', unexpected token: '" + (done() ? "<end>" : peek()) + "'");
		}
	}

	String name() {
		String token = peek();
		if (!token.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
			throw malformed("unexpected token: '" + (done() ? "<end>" : token) + "'");
		}
		at++;
		return token;
	}

	int number() {
		String token = peek();
		if (!token.matches("\\d{1,9}")) {
			throw malformed("unexpected token: '" + token + "'");
		}
		at++;
		return Integer.parseInt(token);
	}

	/** A literal: a quoted string (unescaped), null, true, false or a number. */
	Object literal() {
		String token = peek();
		at++;
		if (token.startsWith("'")) {
			return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
		}
		return switch (token.toLowerCase(Locale.ROOT)) {
			case "null" -> null;
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> {
				if (token.matches("-?\\d+(\\.\\d+)?")) {
					yield new java.math.BigDecimal(token);
				}
				throw malformed("unexpected token: '" + token + "'");
			}
		};
	}
}
