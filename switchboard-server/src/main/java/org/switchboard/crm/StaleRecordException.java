package org.switchboard.crm;

import java.util.List;

/**
 * A write that named a version of the record older than the stored one: 412, nothing saved (ADR 0021).
 * {@link #current()} tells the caller who changed the record and when, so a form can ask to review and save again.
 */
public class StaleRecordException extends CrmException {

	private final transient RecordVersion current;

	StaleRecordException(String object, String id, RecordVersion current) {
		super(412, "Changed since you read it", "This " + object + " (" + id + ") was changed by "
				+ (current.modifiedByName() == null ? "someone else" : current.modifiedByName())
				+ (current.modifiedAt() == null ? "" : " at " + current.modifiedAt())
				+ " — review and save again. Nothing was saved.", List.of());
		this.current = current;
	}

	public RecordVersion current() {
		return current;
	}
}
