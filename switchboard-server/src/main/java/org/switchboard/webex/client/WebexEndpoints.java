package org.switchboard.webex.client;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A Webex URL as a metric tag: the path with its ids replaced by {@code {id}} and no query, so the number of series
 * stays that of the endpoints we use ({@code /v1/rooms/{id}}, {@code /v1/telephony/calls/answer}).
 */
final class WebexEndpoints {

	/** Webex ids are long base64 strings; the sandbox's and tests' may be UUIDs or numbers. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_=+-]{24,}|[0-9]+|[0-9a-fA-F-]{32,36}");

	private WebexEndpoints() {
	}

	static String of(URI uri) {
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		StringBuilder endpoint = new StringBuilder();
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				endpoint.append('/').append(ID.matcher(segment).matches() ? "{id}" : segment);
			}
		}
		return endpoint.isEmpty() ? "/" : endpoint.toString();
	}
}
