package org.switchboard.crm;

import java.util.List;

/** Describes the CRM's objects and fields, and lets a Webex Admin add custom ones. */
public interface CrmSchema {

	List<ObjectDescription> objects();

	/** @throws CrmException.UnknownObject if there is no such object */
	ObjectDescription describe(String object);

	/**
	 * Checks a field name or relationship path such as {@code Owner.Profile.Name} and returns it spelled
	 * canonically; an unknown field or path is a 400 naming it.
	 */
	String canonicalPath(String object, String path);

	ObjectDescription defineObject(CustomObjectDefinition definition);

	FieldDescription defineField(String object, CustomFieldDefinition definition);
}
