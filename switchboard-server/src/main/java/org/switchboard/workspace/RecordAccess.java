package org.switchboard.workspace;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.ObjectDescription;

/**
 * Who may write which records: every signed-in user works with business records; users, profiles and
 * permission sets (the setup objects) are changed by Webex Admins only. The check takes the object the schema
 * resolved, never the name as typed (ADR 0010).
 */
public final class RecordAccess {

	private static final Set<String> SETUP_OBJECTS = Set.of("User", "Profile", "PermissionSet", "PermissionSetAssignment");

	private RecordAccess() {
	}

	/** The object named in a URL path, resolved once: a 404 for an unknown name or one that is not an ASCII API name. */
	public static ObjectDescription resolve(CrmSchema schema, String object) {
		return schema.find(object).orElseThrow(() -> CrmException.noSuchObject(object));
	}

	public static boolean isSetupObject(ObjectDescription object) {
		return SETUP_OBJECTS.contains(object.name());
	}

	public static boolean mayWrite(ObjectDescription object) {
		return !isSetupObject(object) || Access.has(PermissionSet.WEBEX_ADMIN);
	}

	public static void requireWrite(ObjectDescription object) {
		if (!mayWrite(object)) {
			throw new AccessDeniedException("Changing " + object.name() + " records needs the Webex Admin permission set");
		}
	}
}
