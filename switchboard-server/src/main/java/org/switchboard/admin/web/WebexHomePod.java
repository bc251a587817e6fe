package org.switchboard.admin.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.platform.ui.HomeComponent;
import org.switchboard.platform.ui.HomeComponents;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexConnection;
import org.switchboard.webex.WebexSignIn;

/** The home page's Webex component: who you are at Webex, your sign-in's state, and the one place to sign in and out. */
@Component
class WebexHomePod implements HomeComponents {

	private final WebexAccounts accounts;
	private final WebexSignIn signIn;

	WebexHomePod(WebexAccounts accounts, WebexSignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@Override
	public List<HomeComponent> componentsFor(String userId) {
		WebexConnection connection = accounts.connection(userId);
		String unavailable = connection.connected() ? null : signIn.unavailableReason().orElse(null);
		return List.of(new HomeComponent("Webex", 10, "webex/home :: pod",
				new Pod(connection, unavailable, Access.has(PermissionSet.WEBEX_ADMIN), initials(connection))));
	}

	private static String initials(WebexConnection connection) {
		String name = connection.displayName() == null ? "" : connection.displayName().trim();
		StringBuilder initials = new StringBuilder();
		for (String part : name.split("\\s+")) {
			if (!part.isEmpty() && initials.length() < 2) {
				initials.appendCodePoint(part.codePointAt(0));
			}
		}
		return initials.toString();
	}

	/** What the component shows. */
	record Pod(WebexConnection connection, String unavailable, boolean admin, String initials) {
	}
}
