package org.switchboard.workspace;

import org.springframework.stereotype.Component;
import org.switchboard.access.ObjectOperation;
import org.switchboard.access.ObjectPermissions;
import org.switchboard.crm.ObjectDescription;

/**
 * What the signed-in user may do with an object's records: the profile's object permissions (ADR 0021), and for
 * the setup objects also the Webex Admin permission set ({@link RecordAccess}). Every record endpoint asks here.
 */
@Component
public class RecordRights {

	private final ObjectPermissions permissions;

	RecordRights(ObjectPermissions permissions) {
		this.permissions = permissions;
	}

	public boolean may(ObjectDescription object, ObjectOperation operation) {
		return (operation == ObjectOperation.READ || RecordAccess.mayWrite(object)) && permissions.allows(object.name(), operation);
	}

	/** Refuses with 403 naming the object unless the user may do {@code operation} on its records. */
	public void require(ObjectDescription object, ObjectOperation operation) {
		if (operation != ObjectOperation.READ) {
			RecordAccess.requireWrite(object);
		}
		permissions.require(object.name(), operation);
	}
}
