package org.switchboard.webex.client;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code rel="next"} URL of an RFC 5988 {@code Link} header, as Webex pages its lists. */
final class LinkHeader {

	private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
	private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?next\"?", Pattern.CASE_INSENSITIVE);

	private LinkHeader() {
	}

	static Optional<URI> next(List<String> headers) {
		for (String header : headers) {
			Matcher link = LINK.matcher(header);
			while (link.find()) {
				if (REL_NEXT.matcher(link.group(2)).find()) {
					return Optional.of(URI.create(link.group(1).trim()));
				}
			}
		}
		return Optional.empty();
	}
}
