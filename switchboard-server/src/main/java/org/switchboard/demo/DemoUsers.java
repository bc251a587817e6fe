package org.switchboard.demo;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.switchboard.access.Credentials;
import org.switchboard.access.ObjectOperation;
import org.switchboard.access.ObjectPermissions;
import org.switchboard.access.PermissionSet;
import org.switchboard.crm.CrmRecords;

/** Creates the profiles, permission sets and the three demo users of api.md. */
final class DemoUsers {

	static final String PASSWORD = "switchboard";
	static final String ADMIN = "admin@switchboard.test";
	static final String AGENT = "agent@switchboard.test";
	static final String VIEWER = "viewer@switchboard.test";
	static final java.util.List<String> EMAILS = java.util.List.of(ADMIN, AGENT, VIEWER);

	private final CrmRecords records;
	private final Credentials credentials;
	private final ObjectPermissions permissions;

	DemoUsers(CrmRecords records, Credentials credentials, ObjectPermissions permissions) {
		this.records = records;
		this.credentials = credentials;
		this.permissions = permissions;
	}

	/** Returns the user ids by username. */
	Map<String, String> create() {
		Map<String, String> profiles = new HashMap<>();
		for (String profile : List.of("System Administrator", "Standard User", "Read Only")) {
			profiles.put(profile, records.create("Profile", Map.of("Name", profile), null).id());
		}
		// The viewer's profile reads every object and changes none (README); the other two are unrestricted.
		permissions.replace(profiles.get("Read Only"), Map.of(ObjectPermissions.EVERY_OBJECT, EnumSet.of(ObjectOperation.READ)));
		Map<PermissionSet, String> sets = new HashMap<>();
		for (PermissionSet set : PermissionSet.values()) {
			sets.put(set, records.create("PermissionSet", Map.of("Name", set.apiName(), "Label", set.label(),
					"Description", "Switchboard: " + set.label()), null).id());
		}
		Map<String, String> users = new LinkedHashMap<>();
		users.put(ADMIN, user(ADMIN, "Ada", "Admin", profiles.get("System Administrator"), EnumSet.allOf(PermissionSet.class), sets));
		users.put(AGENT, user(AGENT, "Alex", "Agent", profiles.get("Standard User"), EnumSet.of(PermissionSet.WEBEX_USER), sets));
		users.put(VIEWER, user(VIEWER, "Val", "Viewer", profiles.get("Read Only"), EnumSet.noneOf(PermissionSet.class), sets));
		return users;
	}

	private String user(String email, String first, String last, String profileId, Set<PermissionSet> granted,
			Map<PermissionSet, String> sets) {
		String id = records.create("User", Map.of("Username", email, "Email", email, "FirstName", first,
				"LastName", last, "ProfileId", profileId, "TimeZoneSidKey", "America/Los_Angeles"), null).id();
		for (PermissionSet set : granted) {
			records.create("PermissionSetAssignment", Map.of("AssigneeId", id, "PermissionSetId", sets.get(set)), null);
		}
		credentials.setPassword(id, PASSWORD);
		return id;
	}
}
