package org.switchboard.crm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdsTests {

	@Test
	void addsTheCaseChecksumToFifteenCharacterIds() {
		String id18 = RecordIds.withChecksum("003000000000AbC");

		assertThat(id18).hasSize(18).startsWith("003000000000AbC");
		assertThat(RecordIds.canonical("003000000000AbC")).isEqualTo(id18);
		assertThat(RecordIds.canonical(id18)).isEqualTo(id18);
	}

	@Test
	void checksumTellsIdsApartThatDifferOnlyInCase() {
		assertThat(RecordIds.withChecksum("003000000000abc")).isNotEqualTo(RecordIds.withChecksum("003000000000ABC"));
		assertThat(RecordIds.withChecksum("003000000000abc")).endsWith("AAA");
	}

	@Test
	void rejectsTextThatIsNotAnId() {
		assertThat(RecordIds.canonical("not-an-id")).isNull();
		assertThat(RecordIds.canonical("003000000000abcAAB")).isNull();
		assertThat(RecordIds.canonical(null)).isNull();
	}

	@Test
	void encodesNumbersInFixedWidthBase62() {
		assertThat(RecordIds.base62(0, 3)).isEqualTo("000");
		assertThat(RecordIds.base62(61, 2)).isEqualTo("0z");
		assertThat(RecordIds.base62(62, 2)).isEqualTo("10");
	}
}
