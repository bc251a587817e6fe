package org.switchboard.calling.settings;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The "More details" tab of the call log: per object, how it relates to Account and which of its fields to show.
 * One entry per object.
 */
public record CallLogDetailSettings(@JsonValue List<Detail> details) {

	public static final String SECTION = "callLogDetails";

	@JsonCreator
	public CallLogDetailSettings {
		details = details == null ? List.of() : List.copyOf(details);
	}

	public Optional<Detail> forObject(String object) {
		return details.stream().filter(d -> d.object() != null && d.object().equals(object)).findFirst();
	}

	/** @param accountField the object's field that references Account ({@code Id} for Account itself) */
	public record Detail(String object, String accountField, List<String> fields) {

		public Detail {
			fields = fields == null ? List.of() : List.copyOf(fields);
		}
	}
}
