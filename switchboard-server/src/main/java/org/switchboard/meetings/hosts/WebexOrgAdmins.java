package org.switchboard.meetings.hosts;

import org.springframework.stereotype.Component;
import org.switchboard.webex.WebexAccounts;

/** Whether a user's Webex sign-in is a Webex org admin (full administrator role, as the sign-in recorded it). */
@Component
public class WebexOrgAdmins {

	private final WebexAccounts accounts;

	WebexOrgAdmins(WebexAccounts accounts) {
		this.accounts = accounts;
	}

	/** Asks Webex whether the sign-in still holds (a remote call: never inside a transaction). */
	public boolean isOrgAdmin(String userId) {
		return userId != null && accounts.verify(userId) && accounts.connection(userId).isWebexAdmin();
	}
}
