package org.switchboard.messaging.messages;

import java.util.List;

/**
 * A Webex message as the UI shows it: {@code html} is safe to insert (see {@link MessageHtml}); {@code files} are
 * Switchboard download links, fetched from Webex with the reader's own token.
 */
public record MessageView(String id, String roomId, String personId, String personEmail, String personName, String created,
		String text, String markdown, String html, List<FileLink> files) {

	public record FileLink(int index, String url) {
	}
}
