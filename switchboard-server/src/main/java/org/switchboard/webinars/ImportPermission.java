package org.switchboard.webinars;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.access.PermissionSet;
import org.switchboard.access.SwitchboardUser;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.settings.SettingsStore;

/** W6: Webex Import Admin, and then everyone (enabled for all) or the chosen profiles and users. */
@Component
class ImportPermission {

	private final SettingsStore settings;
	private final WebinarsSection section;
	private final CrmRecords records;

	ImportPermission(SettingsStore settings, WebinarsSection section, CrmRecords records) {
		this.settings = settings;
		this.section = section;
		this.records = records;
	}

	boolean allows(SwitchboardUser user) {
		if (user == null || !user.has(PermissionSet.WEBEX_IMPORT_ADMIN)) {
			return false;
		}
		WebinarSettings.Import importing = settings.read(section).importing();
		if (importing == null || Boolean.TRUE.equals(importing.enabledForAll()) || importing.users().contains(user.id())) {
			return true;
		}
		if (importing.profiles().isEmpty()) {
			return false;
		}
		String profile = records.get("User", user.id(), List.of("ProfileId")).getString("ProfileId");
		return profile != null && importing.profiles().contains(profile);
	}

	void check(SwitchboardUser user) {
		if (!allows(user)) {
			throw new ProblemException(403, "Not allowed to import", "Importing webinars needs the Webex Import Admin permission set"
					+ " and the import settings to enable it for your profile or user");
		}
	}
}
