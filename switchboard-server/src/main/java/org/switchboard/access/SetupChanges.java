package org.switchboard.access;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;
import org.switchboard.platform.audit.AdminChange;

/**
 * Changes to users, profiles, permission sets and assignments are admin changes: each is audited (who, when, what
 * changed from what to what) in the writing transaction, whichever way it was made (API, record pages, start-up).
 */
@Component
class SetupChanges {

	static final Set<String> SETUP_OBJECTS = Set.of("User", "Profile", "PermissionSet", "PermissionSetAssignment");

	private final ApplicationEventPublisher events;

	SetupChanges(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void on(RecordChanged change) {
		if (!SETUP_OBJECTS.contains(change.object())) {
			return;
		}
		String action = "access." + change.object() + "." + change.kind().name().toLowerCase(java.util.Locale.ROOT);
		events.publishEvent(new AdminChange(actor(change.changedBy()), action, change.object() + " " + change.recordId(),
				values(change.changes(), true), values(change.changes(), false)));
	}

	/** Audits that a user's password was set, never the password or its hash. */
	void passwordSet(String userId) {
		events.publishEvent(new AdminChange(actor(null), "access.User.password", "User " + userId, null, "(password set)"));
	}

	private static String actor(String changedBy) {
		return Access.currentUser().map(SwitchboardUser::getUsername)
			.orElse(changedBy == null ? "system" : "User " + changedBy);
	}

	private static String values(Map<String, FieldChange> changes, boolean before) {
		Map<String, Object> values = new TreeMap<>();
		changes.forEach((field, change) -> values.put(field, before ? change.oldValue() : change.newValue()));
		values.values().removeIf(java.util.Objects::isNull);
		return values.isEmpty() ? null
				: values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
	}
}
