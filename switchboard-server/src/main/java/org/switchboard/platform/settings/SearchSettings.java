package org.switchboard.platform.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * Which objects each search looks in: the dialer, inbound caller matching, meeting invitees and space members
 * (Cisco's "dialer search: contacts / leads" and its siblings).
 */
public record SearchSettings(Toggles dialer, Toggles inbound, Toggles meeting, Toggles space) {

	public static final String SECTION = "search";

	public static SearchSettings everything() {
		Toggles both = new Toggles(true, true);
		return new SearchSettings(both, both, both, both);
	}

	/** Contacts and/or leads. */
	public record Toggles(boolean contacts, boolean leads) {

		/** The object API names switched on, Contact before Lead. */
		public List<String> objects() {
			List<String> objects = new ArrayList<>(2);
			if (contacts) {
				objects.add("Contact");
			}
			if (leads) {
				objects.add("Lead");
			}
			return objects;
		}
	}
}
