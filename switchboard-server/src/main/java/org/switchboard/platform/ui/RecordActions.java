package org.switchboard.platform.ui;

import java.util.List;

/** Contributes actions to record pages. */
public interface RecordActions {

	/** The actions this feature offers on the record, or none. */
	List<RecordAction> actionsFor(String object, String recordId);
}
