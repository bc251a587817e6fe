package org.switchboard.platform.settings;

import org.switchboard.platform.errors.ProblemException;

/**
 * One section of the admin settings document, owned by the module it configures.
 * The admin console lists every section bean; the owner defines defaults and validation.
 *
 * @param <T> the section's value type, serialised as JSON
 */
public interface SettingsSection<T> {

	/** The section's key in {@code GET /api/admin/settings}, e.g. {@code general}. */
	String name();

	Class<T> type();

	T defaults();

	/** Rejects an invalid value with a 400 naming each bad field; must not change anything. */
	void validate(T value) throws ProblemException;

	/**
	 * The value to store, given the valid new value and the stored one, in the storing transaction: e.g. a section
	 * with a secret keeps it elsewhere, encrypted, and stores only that one is set.
	 */
	default T beforeStore(T value, T previous) {
		return value;
	}

	/** Checks that need a remote call (e.g. asking Webex), run before the saving transaction; must not change anything. */
	default void checkOutsideTransaction(T value) throws ProblemException {
	}
}
