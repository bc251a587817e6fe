package dev.switchboard.salesforce.sandbox.oauth;

import java.util.Map;
import java.util.Optional;

import dev.switchboard.salesforce.sandbox.records.RecordStore;

/**
 * The org's User records as its login page sees them: an active user signs in with their Username and the org's one
 * user password (the double keeps no password per user; the demo data's users share {@code switchboard}).
 */
final class OrgUsers {

	private final RecordStore store;
	private final String password;

	OrgUsers(RecordStore store, String password) {
		this.store = store;
		this.password = password;
	}

	Optional<OAuthServer.OrgUser> signIn(String username, String offered) {
		if (username == null || !password.equals(offered)) {
			return Optional.empty();
		}
		return store.all("User").stream()
			.filter(u -> username.trim().equalsIgnoreCase(String.valueOf(u.get("Username"))) && !Boolean.FALSE.equals(u.get("IsActive")))
			.findFirst().map(OrgUsers::user);
	}

	Optional<OAuthServer.OrgUser> byId(String id) {
		return store.find(id).filter(u -> "User".equals(RecordStore.type(u))).map(OrgUsers::user);
	}

	private static OAuthServer.OrgUser user(Map<String, Object> record) {
		String first = record.get("FirstName") == null ? "" : record.get("FirstName") + " ";
		return new OAuthServer.OrgUser((String) record.get("Id"), (String) record.get("Username"), first + record.get("LastName"),
				(String) record.get("Email"));
	}
}
