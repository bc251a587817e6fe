package org.switchboard.meetings.hosts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Component;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;

import tools.jackson.databind.JsonNode;

/**
 * Whether a user's Webex sign-in is a Webex org admin: {@code people/me} lists a full administrator role. Webex names
 * roles by id only; the full administrator's id is the {@code ciscospark://…/ROLE/id_full_admin} URI.
 */
@Component
public class WebexOrgAdmins {

	private final WebexAccounts accounts;
	private final WebexClient client;

	WebexOrgAdmins(WebexAccounts accounts, WebexClient client) {
		this.accounts = accounts;
		this.client = client;
	}

	/** Asks Webex (a remote call: never inside a transaction). */
	public boolean isOrgAdmin(String userId) {
		String token = userId == null ? null : accounts.tokenFor(userId).orElse(null);
		if (token == null) {
			return false;
		}
		try {
			JsonNode me = client.me(token);
			for (JsonNode role : me.path("roles")) {
				if (decoded(role.asString("")).endsWith("/ROLE/id_full_admin")) {
					return true;
				}
			}
			return false;
		}
		catch (WebexApiException e) {
			return false;
		}
	}

	private static String decoded(String id) {
		try {
			return new String(Base64.getUrlDecoder().decode(id.replace('+', '-').replace('/', '_')), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return id;
		}
	}
}
