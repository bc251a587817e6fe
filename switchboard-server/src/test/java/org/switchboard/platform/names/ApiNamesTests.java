package org.switchboard.platform.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.support.Spellings;

class ApiNamesTests {

	@Test
	void theScanFindsEveryCharacterJavaFoldsOntoAnAsciiLetter() {
		assertThat(Spellings.foldingCharacters()).contains("\u017F", "\u0131", "\u0130", "\u212A");
		assertThat(Spellings.FOLDING_ONTO_ASCII.get('s')).contains("\u017F");
		assertThat(Spellings.FOLDING_ONTO_ASCII.get('I')).contains("\u0131");
		assertThat(Spellings.FOLDING_ONTO_ASCII.get('K')).contains("\u212A");
	}

	@Test
	void namesAreTheSameOnlyWhenTheyDifferInAsciiCase() {
		assertThat(ApiNames.same("PermissionSetAssignment", "permissionsetassignment")).isTrue();
		assertThat(ApiNames.same("PermissionSetAssignment", "PERMISSIONSETASSIGNMENT")).isTrue();
		for (String spelling : Spellings.unicodeSpellings("PermissionSetAssignment")) {
			assertThat(ApiNames.same("PermissionSetAssignment", spelling)).as(spelling).isFalse();
			assertThat(ApiNames.key(spelling)).as(spelling).isEmpty();
		}
		assertThat("Permi\u017F\u017FionSetA\u017F\u017Fignment".equalsIgnoreCase("PermissionSetAssignment"))
			.as("what the old check relied on").isTrue();
	}

	@Test
	void anApiNameIsAsciiStartsWithALetterAndHasAtMostEightyCharacters() {
		assertThat(ApiNames.isValid("Vendor__c")).isTrue();
		assertThat(ApiNames.isValid("A".repeat(80))).isTrue();
		assertThat(ApiNames.isValid("A".repeat(81))).isFalse();
		assertThat(ApiNames.isValid("A".repeat(3_000_000))).isFalse();
		assertThat(ApiNames.isValid("_Vendor")).isFalse();
		assertThat(ApiNames.isValid("9Lives")).isFalse();
		assertThat(ApiNames.isValid("Owner.Name")).isFalse();
		assertThat(ApiNames.isValid("Ｃontact")).as("fullwidth C").isFalse();
		assertThat(ApiNames.isValid("")).isFalse();
		assertThat(ApiNames.isValid(null)).isFalse();
	}

	@Test
	void userNamesAreAsciiAddressesComparedIgnoringAsciiCase() {
		assertThat(EmailAddresses.userName(" Admin@Switchboard.TEST ")).contains("admin@switchboard.test");
		assertThat(EmailAddresses.userName("adm\u0130n@switchboard.test")).isEmpty();
		assertThat(EmailAddresses.userName("\u212Aate@switchboard.test")).isEmpty();
		assertThat(EmailAddresses.userName("jos\u00E9@switchboard.test")).isEmpty();
		assertThat(EmailAddresses.userName("a@b@switchboard.test")).isEmpty();
		assertThat(EmailAddresses.userName("nobody")).isEmpty();
		assertThat(EmailAddresses.userName("x".repeat(250) + "@a.test")).isEmpty();
		assertThat(EmailAddresses.same("\u212Aate@x.test", "kate@x.test")).isFalse();
		assertThat(EmailAddresses.same("Kate@X.test", "kate@x.test")).isTrue();
	}
}
