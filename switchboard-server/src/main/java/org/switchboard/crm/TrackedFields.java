package org.switchboard.crm;

import java.util.List;
import java.util.Set;

/**
 * The fields whose values before a change someone needs (notification rules' tracked fields and {@code [[prior:…]]}
 * placeholders). A CRM adapter whose backend reports changes without old values (Salesforce Change Data Capture)
 * keeps the last-known values of exactly these fields, so that {@link RecordChanged} can carry them.
 */
public interface TrackedFields {

	/** The tracked fields of {@code object}; empty when nothing tracks it. */
	Set<String> of(String object);

	/**
	 * The records of {@code object} whose tracked values are worth reading before their first change (those a change
	 * can notify someone about), in id order after {@code afterId} ({@code null}: from the first), at most {@code limit}.
	 */
	default List<String> recordsOf(String object, String afterId, int limit) {
		return List.of();
	}
}
