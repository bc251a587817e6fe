package org.switchboard.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

class RecordFormsTests {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
	private static final FieldDescription START = new FieldDescription("StartDateTime", "Start", FieldType.DATETIME, false, List.of(), List.of(),
			false, true);
	private static final ObjectDescription EVENT = new ObjectDescription("Event", "Event", "Events", false, "00U", List.of(START));

	@Test
	void aDateTimeTypedInTheFormIsTheUsersLocalTime() {
		assertThat(submitted("2026-11-25T10:00", LOS_ANGELES)).isEqualTo("2026-11-25T18:00:00Z");
		assertThat(submitted("2026-07-01T10:00", LOS_ANGELES)).as("summer time").isEqualTo("2026-07-01T17:00:00Z");
		assertThat(submitted("2026-11-25T10:00", ZoneId.of("UTC"))).isEqualTo("2026-11-25T10:00:00Z");
	}

	@Test
	void aTimeTheClockSkipsMovesOnByTheGap() {
		assertThat(submitted("2026-03-08T02:30", LOS_ANGELES)).as("02:30 does not exist that night; 03:30 PDT does").isEqualTo("2026-03-08T10:30:00Z");
	}

	@Test
	void aStoredDateTimeIsShownAsTheUsersLocalTimeWhateverTheOffsetNotation() {
		assertThat(RecordForms.display(START, "2026-11-25T18:00:00Z", LOS_ANGELES)).isEqualTo("2026-11-25T10:00");
		assertThat(RecordForms.display(START, "2026-11-25T18:00:00.000+0000", LOS_ANGELES)).as("Salesforce's notation").isEqualTo("2026-11-25T10:00");
		assertThat(RecordForms.display(START, "2026-11-25T19:00:00+01:00", LOS_ANGELES)).isEqualTo("2026-11-25T10:00");
	}

	@Test
	void textThatIsNotADateTimeIsPassedOnForTheStoreToRefuseNamingTheField() {
		assertThat(submitted("next tuesday", LOS_ANGELES)).isEqualTo("next tuesday");
		assertThat(RecordForms.display(START, "garbled", LOS_ANGELES)).isEqualTo("garbled");
	}

	private static Object submitted(String typed, ZoneId zone) {
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>(Map.of("StartDateTime", List.of(typed)));
		return RecordForms.values(EVENT, form, zone).get("StartDateTime");
	}
}
