package org.switchboard.webinars;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code webinars} settings section: how many days of past and upcoming webinars the home widget shows, and who
 * may import (besides holding the Webex Import Admin permission set): everyone, or chosen profiles and users.
 */
public record WebinarSettings(Integer pastDays, Integer upcomingDays, @JsonProperty("import") Import importing) {

	public static final String SECTION = "webinars";

	/** Who may import: all holders of Webex Import Admin, or those of them in one of the profiles or users listed. */
	public record Import(Boolean enabledForAll, List<String> profiles, List<String> users) {

		public Import {
			profiles = profiles == null ? List.of() : List.copyOf(profiles);
			users = users == null ? List.of() : List.copyOf(users);
		}
	}
}
