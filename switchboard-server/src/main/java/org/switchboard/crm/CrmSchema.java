package org.switchboard.crm;

import java.util.List;
import java.util.Optional;

/** Describes the CRM's objects and fields, and lets a Webex Admin add custom ones. */
public interface CrmSchema {

	List<ObjectDescription> objects();

	/**
	 * The object with this API name, matched case-insensitively in ASCII only; a 400 if there is none. Callers resolve
	 * a name once and work with the returned description (its {@code name()} is the canonical spelling).
	 */
	ObjectDescription describe(String object);

	/** The object with this API name as {@link #describe} finds it, or empty (also for any name that is not an API name). */
	Optional<ObjectDescription> find(String object);

	/**
	 * Checks a field name or relationship path such as {@code Owner.Profile.Name} and returns it spelled
	 * canonically; an unknown field or path is a 400 naming it.
	 */
	String canonicalPath(String object, String path);

	ObjectDescription defineObject(CustomObjectDefinition definition);

	FieldDescription defineField(String object, CustomFieldDefinition definition);
}
