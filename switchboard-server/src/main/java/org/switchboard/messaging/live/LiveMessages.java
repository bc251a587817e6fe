package org.switchboard.messaging.live;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.switchboard.messaging.messages.MessageView;
import org.switchboard.messaging.messages.RoomMessages;
import org.switchboard.platform.live.LiveEvents;
import org.switchboard.webex.WebexAccount;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexMessageEvent;

/**
 * New messages as {@code message} live events (the stream of {@code GET /api/messaging/events}). A {@code messages}
 * webhook carries no text, so each new message is fetched with the webhook owner's token, after the delivery is
 * stored and acknowledged (off the webhook's request, through the event publication registry).
 */
@Component
public class LiveMessages {

	static final String EVENT = "message";
	private static final Logger log = LoggerFactory.getLogger(LiveMessages.class);

	private final LiveEvents live;
	private final WebexAccounts accounts;
	private final WebexClient client;
	private final RoomMessages messages;

	LiveMessages(LiveEvents live, WebexAccounts accounts, WebexClient client, RoomMessages messages) {
		this.live = live;
		this.accounts = accounts;
		this.client = client;
		this.messages = messages;
	}

	public SseEmitter open(String userId) {
		return live.open(userId, Set.of(EVENT), List.of());
	}

	@ApplicationModuleListener
	void on(WebexMessageEvent event) {
		if (!"created".equals(event.event()) || event.messageId() == null) {
			return;
		}
		WebexAccount owner = accounts.forPerson(event.ownerPersonId()).orElse(null);
		String token = owner == null ? null : accounts.tokenFor(owner.userId()).orElse(null);
		if (token == null) {
			log.debug("Ignored a message event for Webex person {} who is linked to no user", event.ownerPersonId());
			return;
		}
		try {
			MessageView message = messages.view(token, client.message(token, event.messageId()));
			live.publish(owner.userId(), EVENT, message.id(), message);
		}
		catch (WebexApiException.NotFound gone) {
			log.debug("Message {} was deleted before it could be shown", event.messageId());
		}
	}
}
