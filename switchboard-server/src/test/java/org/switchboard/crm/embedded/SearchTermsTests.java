package org.switchboard.crm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTermsTests {

	@Test
	void indexesWholeValuesAndWordsWithoutCaseOrAccents() {
		assertThat(SearchTerms.of(List.of("José Müller", "jose.mueller@Example.com")))
			.contains("jose muller", "jose", "muller", "jose.mueller@example.com", "mueller", "example", "com");
	}

	@Test
	void splitsQueriesIntoWords() {
		assertThat(SearchTerms.queryWords("  Ana  LÓPEZ ")).containsExactly("ana", "lopez");
		assertThat(SearchTerms.queryWords("")).isEmpty();
		assertThat(SearchTerms.queryWords(null)).isEmpty();
	}

	@Test
	void aPrefixRangeEndsJustAfterEveryStringWithThatPrefix() {
		String end = RecordTable.prefixEnd("smi");
		assertThat("smith").isGreaterThanOrEqualTo("smi").isLessThan(end);
		assertThat("smj").isGreaterThanOrEqualTo(end);
	}
}
