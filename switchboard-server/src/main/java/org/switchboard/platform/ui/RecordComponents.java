package org.switchboard.platform.ui;

import java.util.List;

/** Contributes components to record pages. */
public interface RecordComponents {

	/** The components this feature shows on the record for the signed-in user, or none. */
	List<RecordComponent> componentsFor(String object, String recordId);
}
