package org.switchboard.meetings.settings;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.platform.settings.SearchSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/** The meetings settings as they are now; read on every use so that a change on any replica applies at once. */
@Component
public class Meetings {

	private final SettingsStore store;
	private final MeetingsSection section;
	private final SettingsSection<SearchSettings> search;

	Meetings(SettingsStore store, MeetingsSection section, SettingsSection<SearchSettings> search) {
		this.store = store;
		this.section = section;
		this.search = search;
	}

	public MeetingSettings settings() {
		return store.read(section);
	}

	/** The objects the invitee type-ahead looks in (the "meeting search" toggles, T5). */
	public List<String> searchObjects() {
		return store.read(search).meeting().objects();
	}
}
