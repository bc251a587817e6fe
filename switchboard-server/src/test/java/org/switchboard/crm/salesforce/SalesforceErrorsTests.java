package org.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.platform.errors.FieldProblem;

/** Salesforce's error entries in the port's words (ADR 0027). */
class SalesforceErrorsTests {

	@Test
	void stringTooLongReadsAsTheEmbeddedStoresLengthMessageOncePerField() {
		List<FieldProblem> problems = SalesforceErrors.problems("Contact", "[1].", List.of(
				new SalesforceApiException.Error("STRING_TOO_LONG", "Last Name: data value too large: LLLLLLLLLLLLLLLLLLLL… (max length=80)", List.of("LastName")),
				new SalesforceApiException.Error("STRING_TOO_LONG", "Name: data value too large (max length=121)", List.of("LastName"))),
				Map.of("LastName", "L".repeat(95)));

		assertThat(problems).containsExactly(new FieldProblem("[1].LastName", "is too long (95 characters, at most 80)"));
	}

	@Test
	void aFieldHiddenOrReadOnlyByFieldLevelSecurityIsNamedWithItsObject() {
		List<FieldProblem> problems = SalesforceErrors.problems("Lead", "", List.of(
				new SalesforceApiException.Error("INVALID_FIELD", "No such column 'Score__c' on sobject of type Lead", List.of()),
				new SalesforceApiException.Error("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: Rating. Please check the security "
						+ "settings of this field and verify that it is read/write for your profile or permission set.", List.of("Rating"))), Map.of());

		assertThat(problems).extracting(FieldProblem::field).containsExactly("Score__c", "Rating");
		assertThat(problems.get(0).message()).contains("Lead.Score__c").contains("can see", "field-level security");
		assertThat(problems.get(1).message()).contains("Lead.Rating").contains("edit access", "field-level security");
	}

	@Test
	void bulkErrorColumnsAreSplitIntoCodeMessageAndFields() {
		assertThat(SalesforceBulk.errors("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --"))
			.containsExactly(new SalesforceApiException.Error("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", List.of("LastName")));
		assertThat(SalesforceBulk.errors("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:AccountId,ReportsToId --"))
			.singleElement().extracting(SalesforceApiException.Error::fields).isEqualTo(List.of("AccountId", "ReportsToId"));
		assertThat(SalesforceBulk.errors("")).isEmpty();
	}
}
