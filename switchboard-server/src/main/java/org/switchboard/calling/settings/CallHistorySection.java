package org.switchboard.calling.settings;

import org.springframework.stereotype.Component;
import org.switchboard.platform.settings.SettingsSection;

@Component
class CallHistorySection implements SettingsSection<CallHistorySettings> {

	@Override
	public String name() {
		return CallHistorySettings.SECTION;
	}

	@Override
	public Class<CallHistorySettings> type() {
		return CallHistorySettings.class;
	}

	@Override
	public CallHistorySettings defaults() {
		return new CallHistorySettings(true);
	}

	@Override
	public void validate(CallHistorySettings value) {
		// A boolean: any value that parsed is valid.
	}
}
