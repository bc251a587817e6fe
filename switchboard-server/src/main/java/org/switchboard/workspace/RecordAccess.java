package org.switchboard.workspace;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;

/**
 * Who may write which records: every signed-in user works with business records; users, profiles and
 * permission sets (the setup objects) are changed by Webex Admins only.
 */
public final class RecordAccess {

	private static final Set<String> SETUP_OBJECTS = Set.of("user", "profile", "permissionset", "permissionsetassignment");

	private RecordAccess() {
	}

	public static boolean mayWrite(String object) {
		return !SETUP_OBJECTS.contains(object.toLowerCase(java.util.Locale.ROOT)) || Access.has(PermissionSet.WEBEX_ADMIN);
	}

	public static void requireWrite(String object) {
		if (!mayWrite(object)) {
			throw new AccessDeniedException("Changing " + object + " records needs the Webex Admin permission set");
		}
	}
}
