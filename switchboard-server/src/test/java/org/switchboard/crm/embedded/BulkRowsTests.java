package org.switchboard.crm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BulkRowsTests {

	@Test
	void copyCsvQuotesEveryValueSoAnEmptyStringStaysOneAndLeavesNullBare() {
		List<Object[]> rows = List.<Object[]>of(new Object[] { "a,b", null, "", "say \"hi\"", "line\nbreak\ttab", 42 });

		assertThat(BulkRows.csv(rows)).isEqualTo("\"a,b\",,\"\",\"say \"\"hi\"\"\",\"line\nbreak\ttab\",\"42\"\n");
	}
}
