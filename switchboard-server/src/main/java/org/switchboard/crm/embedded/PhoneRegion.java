package org.switchboard.crm.embedded;

import org.springframework.context.event.EventListener;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsChanged;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/** The default region for numbers typed without a country code, read from the general settings. */
public class PhoneRegion {

	private final SettingsStore settings;
	private final SettingsSection<GeneralSettings> section;
	private volatile String current;

	public PhoneRegion(SettingsStore settings, SettingsSection<GeneralSettings> section) {
		this.settings = settings;
		this.section = section;
	}

	public String current() {
		String region = current;
		if (region == null) {
			region = settings.read(section).defaultPhoneRegion();
			current = region;
		}
		return region;
	}

	@EventListener
	void on(SettingsChanged changed) {
		if (GeneralSettings.SECTION.equals(changed.section())) {
			current = null;
		}
	}
}
