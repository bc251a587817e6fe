package org.switchboard.calling.settings;

import org.springframework.stereotype.Component;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SearchSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/** The calling settings as they are now; read on every use so that a change on any replica applies at once. */
@Component
public class CallingSettings {

	private final SettingsStore store;
	private final SettingsSection<GeneralSettings> general;
	private final SettingsSection<SearchSettings> search;
	private final PhoneFieldSection phoneFields;
	private final CallLogSection callLogs;
	private final CallLogDetailSection details;
	private final CallHistorySection history;

	CallingSettings(SettingsStore store, SettingsSection<GeneralSettings> general, SettingsSection<SearchSettings> search, PhoneFieldSection phoneFields,
			CallLogSection callLogs, CallLogDetailSection details, CallHistorySection history) {
		this.store = store;
		this.general = general;
		this.search = search;
		this.phoneFields = phoneFields;
		this.callLogs = callLogs;
		this.details = details;
		this.history = history;
	}

	/** The region for numbers typed without a country code. */
	public String phoneRegion() {
		return store.read(general).defaultPhoneRegion();
	}

	public SearchSettings search() {
		return store.read(search);
	}

	public PhoneFieldSettings phoneFields() {
		return store.read(phoneFields);
	}

	public CallLogSettings callLogs() {
		return store.read(callLogs);
	}

	public CallLogDetailSettings details() {
		return store.read(details);
	}

	public CallHistorySettings history() {
		return store.read(history);
	}
}
