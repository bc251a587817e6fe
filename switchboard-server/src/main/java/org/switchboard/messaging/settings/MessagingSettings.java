package org.switchboard.messaging.settings;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.settings.SearchSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/** The messaging settings as they are now; read on every use so that a change on any replica applies at once. */
@Component
public class MessagingSettings {

	private final SettingsStore store;
	private final SettingsSection<SearchSettings> search;
	private final ChatSection chat;

	MessagingSettings(SettingsStore store, SettingsSection<SearchSettings> search, ChatSection chat) {
		this.store = store;
		this.search = search;
		this.chat = chat;
	}

	/** The CRM objects the space member search looks in (the "space search" toggles). */
	public List<String> memberObjects() {
		return store.read(search).space().objects();
	}

	public boolean chatEnabled() {
		return Boolean.TRUE.equals(store.read(chat).enabled());
	}

	/** Refuses when an admin has switched chat off. */
	public void requireChat() {
		if (!chatEnabled()) {
			throw new ProblemException(Refusal.NOT_PERMITTED, "Chat is off", "A Webex Admin has switched chat off (Webex Admin console → Messaging)");
		}
	}
}
