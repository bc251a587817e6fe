package org.switchboard.crm.salesforce.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;

class ChangeTranslatorTests {

	private static final Set<String> TRACKED = Set.of("StageName");
	private static final String ID = "006000000000001AAA";

	@Test
	void createKeepsOnlyTrackedValuesAndAnUpdateGetsThemAsPriorValues() {
		ChangeTranslator translator = new ChangeTranslator(Map.of());
		translator.translate(event("CREATE", List.of(), Map.of("StageName", "Prospecting", "Amount", 10.0)), TRACKED, Map.of());
		assertThat(translator.known().get(ID)).containsExactly(Map.entry("StageName", "Prospecting"));

		List<RecordChanged> changes = translator.translate(event("UPDATE", List.of("StageName", "Amount"),
				Map.of("StageName", "Qualification", "Amount", 20.0)), TRACKED, Map.of());

		assertThat(changes).singleElement().satisfies(c -> {
			assertThat(c.kind()).isEqualTo(RecordChanged.Kind.UPDATED);
			assertThat(c.changes()).containsEntry("StageName", new FieldChange("Prospecting", "Qualification"))
				.containsEntry("Amount", new FieldChange(null, 20.0));
		});
		assertThat(translator.known().get(ID)).containsEntry("StageName", "Qualification");
		assertThat(translator.touched()).containsEntry(ID, "Opportunity");
	}

	@Test
	void aNulledFieldIsANewNullAndADeleteReportsTheKnownValuesAndForgetsThem() {
		ChangeTranslator translator = new ChangeTranslator(Map.of(ID, Map.of("StageName", "Prospecting")));
		Map<String, Object> nulled = new HashMap<>();
		nulled.put("StageName", null);
		assertThat(translator.translate(event("UPDATE", List.of("StageName"), nulled), TRACKED, Map.of()).get(0).changes())
			.containsEntry("StageName", new FieldChange("Prospecting", null));

		translator = new ChangeTranslator(Map.of(ID, Map.of("StageName", "Closed Won")));
		RecordChanged deleted = translator.translate(event("DELETE", List.of(), Map.of()), TRACKED, Map.of()).get(0);
		assertThat(deleted.kind()).isEqualTo(RecordChanged.Kind.DELETED);
		assertThat(deleted.changes()).containsEntry("StageName", new FieldChange("Closed Won", null));
		assertThat(translator.known()).doesNotContainKey(ID);
		assertThat(translator.touched()).containsKey(ID);
	}

	@Test
	void gapEventsReportOnlyWhatDiffersFromTheKnownValuesAndNothingForRecordsThatCouldNotBeRead() {
		ChangeTranslator translator = new ChangeTranslator(Map.of(ID, Map.of("StageName", "Prospecting")));
		assertThat(translator.translate(event("GAP_UPDATE", List.of(), Map.of()), TRACKED, Map.of(ID, Map.of("StageName", "Prospecting"))))
			.as("nothing tracked changed").isEmpty();
		assertThat(translator.translate(event("GAP_UPDATE", List.of(), Map.of()), TRACKED, Map.of())).as("not re-read").isEmpty();
		assertThat(translator.translate(event("GAP_OVERFLOW", List.of(), Map.of()), TRACKED, Map.of(ID, Map.of("StageName", "Closed Lost")))
			.get(0).changes()).containsExactly(Map.entry("StageName", new FieldChange("Prospecting", "Closed Lost")));
		assertThat(translator.translate(event("UNDELETE", List.of(), Map.of("StageName", "Prospecting")), TRACKED, Map.of()).get(0).kind())
			.isEqualTo(RecordChanged.Kind.CREATED);
	}

	@Test
	void anUpdateWhoseTrackedValueIsAlreadyKnownIsNotReportedAgain() {
		ChangeTranslator translator = new ChangeTranslator(Map.of(ID, Map.of("StageName", "Qualification")));
		assertThat(translator.translate(event("UPDATE", List.of("StageName"), Map.of("StageName", "Qualification")), TRACKED, Map.of()))
			.as("replayed after a reset to EARLIEST").isEmpty();
		assertThat(translator.translate(event("UPDATE", List.of("StageName", "Amount"), Map.of("StageName", "Qualification", "Amount", 3.0)),
				TRACKED, Map.of()).get(0).changes()).containsOnlyKeys("Amount");
	}

	@Test
	void aRecordWithNoTrackedValuesIsNotStored() {
		ChangeTranslator translator = new ChangeTranslator(Map.of());
		translator.translate(event("CREATE", List.of(), Map.of("Amount", 5.0)), Set.of(), Map.of());
		translator.translate(event("UPDATE", List.of("Amount"), Map.of("Amount", 6.0)), Set.of(), Map.of());
		assertThat(translator.touched()).isEmpty();
	}

	@Test
	void aBackfilledValueIsThePriorButNeverHidesAChangeAndOneReadAfterTheChangeIsAnUnknownPrior() {
		Map<String, Object> read = new HashMap<>(Map.of("StageName", "Qualification", KnownValues.BACKFILLED, List.of("StageName")));
		ChangeTranslator translator = new ChangeTranslator(Map.of(ID, read));

		List<RecordChanged> same = translator.translate(event("UPDATE", List.of("StageName"), Map.of("StageName", "Qualification")), TRACKED,
				Map.of());
		assertThat(same).as("read after this change was made: reported, with an unknown prior").singleElement()
			.satisfies(c -> assertThat(c.changes()).containsEntry("StageName", new FieldChange(null, "Qualification")));
		assertThat(translator.known().get(ID)).as("now seen on the stream").containsOnlyKeys("StageName");

		List<RecordChanged> replayed = translator.translate(event("UPDATE", List.of("StageName"), Map.of("StageName", "Qualification")),
				TRACKED, Map.of());
		assertThat(replayed).as("a value seen on the stream drops a replay again").isEmpty();
	}

	@Test
	void aBackfilledPriorDifferentFromTheNewValueIsReportedAsThePrior() {
		ChangeTranslator translator = new ChangeTranslator(Map.of(ID, Map.of("StageName", "Prospecting", KnownValues.BACKFILLED,
				List.of("StageName"))));

		List<RecordChanged> changes = translator.translate(event("UPDATE", List.of("StageName"), Map.of("StageName", "Closed Won")), TRACKED,
				Map.of());

		assertThat(changes.get(0).changes()).containsExactly(Map.entry("StageName", new FieldChange("Prospecting", "Closed Won")));
		assertThat(translator.translate(event("DELETE", List.of(), Map.of()), TRACKED, Map.of()).get(0).changes())
			.as("the marker is no field").containsOnlyKeys("StageName");
	}

	private static CdcEvent event(String type, List<String> changed, Map<String, Object> values) {
		return new CdcEvent("Opportunity", List.of(ID), type, changed, values, "005000000000001AAA", Instant.ofEpochMilli(1_700_000_000_000L), "tx", "", List.of());
	}
}
