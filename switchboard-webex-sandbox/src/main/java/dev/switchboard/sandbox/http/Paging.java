package dev.switchboard.sandbox.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Webex-style cursor paging: {@code max} items per page and, when more remain, a
 * {@code Link: <…&cursor=N>; rel="next"} header pointing at the next page.
 */
public final class Paging {

	private Paging() {
	}

	public static Response page(Request request, String baseUrl, List<?> all, int defaultMax, int maxMax) {
		int max = request.queryInt("max", defaultMax, 1, maxMax);
		int from = request.queryInt("cursor", 0, 0, Integer.MAX_VALUE);
		List<?> page = all.subList(Math.min(from, all.size()), Math.min(from + max, all.size()));
		Response response = Response.ok(Map.of("items", page));
		if (from + max < all.size()) {
			response.withHeader("Link", "<" + nextUrl(baseUrl, request.uri(), from + max) + ">; rel=\"next\"");
		}
		return response;
	}

	private static String nextUrl(String baseUrl, URI uri, int cursor) {
		String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().replaceAll("(^|&)cursor=[^&]*", "");
		query = query.startsWith("&") ? query.substring(1) : query;
		return baseUrl + uri.getRawPath() + "?" + (query.isEmpty() ? "" : query + "&") + "cursor=" + cursor;
	}
}
