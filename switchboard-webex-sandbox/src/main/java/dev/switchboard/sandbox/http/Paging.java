package dev.switchboard.sandbox.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Webex-style cursor paging: {@code max} items per page (a larger {@code max} is capped, as Webex does) and,
 * when more remain, a {@code Link: <…&cursor=…>; rel="next"} header on the host the client called. The cursor
 * is the position of the last item sent, not an offset: an item created or deleted between two page requests
 * never makes another repeat or vanish.
 */
public final class Paging {

	private Paging() {
	}

	/**
	 * One page of {@code items}, whose {@code position}s are unique and increase along the list (newest-first
	 * lists use {@link #descending(long)}).
	 */
	public static <T> Response page(Request request, List<T> items, Function<T, String> position, Function<T, Object> json,
			int defaultMax, int maxMax) {
		int max = Math.min(request.queryInt("max", defaultMax, 1, Integer.MAX_VALUE), maxMax);
		String cursor = cursor(request.query("cursor"));
		int from = cursor == null ? 0 : firstAfter(items, position, cursor);
		int to = Math.min(from + max, items.size());
		List<Object> page = items.subList(from, to).stream().map(json).toList();
		Response response = Response.ok(Map.of("items", page));
		if (to < items.size()) {
			response.withHeader("Link", "<" + nextUrl(request, position.apply(items.get(to - 1))) + ">; rel=\"next\"");
		}
		return response;
	}

	/** A position for an ascending sequence number. */
	public static String ascending(long sequence) {
		return String.format("%019d", sequence);
	}

	/** A position for a list kept newest first by sequence number. */
	public static String descending(long sequence) {
		return String.format("%019d", Long.MAX_VALUE - sequence);
	}

	private static <T> int firstAfter(List<T> items, Function<T, String> position, String cursor) {
		int low = 0;
		int high = items.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (position.apply(items.get(mid)).compareTo(cursor) <= 0) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	private static String cursor(String raw) {
		if (raw == null) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw ApiError.badRequest("cursor is not one this API gave out");
		}
	}

	private static String nextUrl(Request request, String position) {
		URI uri = request.uri();
		String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().replaceAll("(^|&)cursor=[^&]*", "");
		query = query.startsWith("&") ? query.substring(1) : query;
		String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
		return request.baseUrl() + uri.getRawPath() + "?" + (query.isEmpty() ? "" : query + "&") + "cursor=" + cursor;
	}
}
