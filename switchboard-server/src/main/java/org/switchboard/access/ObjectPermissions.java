package org.switchboard.access;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.ProblemException;

/**
 * Object permissions of profiles (ADR 0021): which objects a profile's users may read, create, edit and delete.
 * A profile with no entries is unrestricted; an entry for the object wins over the {@code *} entry.
 */
@Service
public class ObjectPermissions {

	public static final String EVERY_OBJECT = "*";

	private final JdbcClient jdbc;
	private final CrmRecords records;

	ObjectPermissions(JdbcClient jdbc, CrmRecords records) {
		this.jdbc = jdbc;
		this.records = records;
	}

	/** Whether the signed-in user may do {@code operation} on records of {@code object}; system work may do anything. */
	public boolean allows(String object, ObjectOperation operation) {
		String userId = Access.currentUserId();
		if (userId == null) {
			return true;
		}
		String profileId = records.get("User", userId, List.of("ProfileId")).getString("ProfileId");
		Map<String, Set<ObjectOperation>> entries = of(profileId);
		if (entries.isEmpty()) {
			return true;
		}
		Set<ObjectOperation> granted = entries.getOrDefault(object, entries.getOrDefault(EVERY_OBJECT, Set.of()));
		return granted.contains(operation);
	}

	/** Refuses with 403 naming the object and the operation unless the signed-in user may do it. */
	public void require(String object, ObjectOperation operation) {
		if (!allows(object, operation)) {
			throw new ProblemException(403, "Forbidden", "Your profile does not allow you to " + operation.verb() + " "
					+ object + " records. Ask a Webex Admin to change your profile's object permissions.");
		}
	}

	/** A profile's entries by object name ({@code *} included); empty for an unrestricted profile. */
	@Transactional(readOnly = true)
	public Map<String, Set<ObjectOperation>> of(String profileId) {
		Map<String, Set<ObjectOperation>> entries = new LinkedHashMap<>();
		jdbc.sql("SELECT object_name, can_read, can_create, can_edit, can_delete FROM access_object_permission WHERE profile_id = ? ORDER BY object_name")
			.param(profileId)
			.query((rs, n) -> {
				Set<ObjectOperation> granted = EnumSet.noneOf(ObjectOperation.class);
				addIf(granted, rs.getBoolean("can_read"), ObjectOperation.READ);
				addIf(granted, rs.getBoolean("can_create"), ObjectOperation.CREATE);
				addIf(granted, rs.getBoolean("can_edit"), ObjectOperation.EDIT);
				addIf(granted, rs.getBoolean("can_delete"), ObjectOperation.DELETE);
				return Map.entry(rs.getString("object_name"), granted);
			})
			.list()
			.forEach(e -> entries.put(e.getKey(), e.getValue()));
		return entries;
	}

	private static void addIf(Set<ObjectOperation> granted, boolean yes, ObjectOperation operation) {
		if (yes) {
			granted.add(operation);
		}
	}

	/** Replaces a profile's entries (empty: unrestricted again). Callers check the object names. */
	@Transactional
	public void replace(String profileId, Map<String, Set<ObjectOperation>> entries) {
		jdbc.sql("DELETE FROM access_object_permission WHERE profile_id = ?").param(profileId).update();
		entries.forEach((object, granted) -> jdbc.sql("""
				INSERT INTO access_object_permission (profile_id, object_name, can_read, can_create, can_edit, can_delete)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(profileId, object, granted.contains(ObjectOperation.READ), granted.contains(ObjectOperation.CREATE),
					granted.contains(ObjectOperation.EDIT), granted.contains(ObjectOperation.DELETE))
			.update());
	}
}
