package org.switchboard.messaging.messages;

import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;

/**
 * Display names of message authors, asked of Webex once per person and kept (bounded) in memory: a page of messages
 * usually has a handful of authors, and names rarely change. A person Webex will not show falls back to the email.
 */
@Component
class PersonNames {

	private static final int MAX_ENTRIES = 5_000;

	private final WebexClient client;
	private final Map<String, String> names = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > MAX_ENTRIES;
		}
	});

	PersonNames(WebexClient client) {
		this.client = client;
	}

	/** The person's display name, or null when Webex does not give one. */
	String nameOf(String token, String personId) {
		if (personId == null) {
			return null;
		}
		String cached = names.get(personId);
		if (cached != null) {
			return cached.isEmpty() ? null : cached;
		}
		String name;
		try {
			name = Objects.requireNonNullElse(client.person(token, personId).displayName(), "");
		}
		catch (WebexApiException e) {
			if (e.status() != 404) {
				return null; // try again next time
			}
			name = "";
		}
		names.put(personId, name);
		return name.isEmpty() ? null : name;
	}
}
