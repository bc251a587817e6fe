package org.switchboard.webinars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

/** The mapping the console suggests for an unmapped Contact or Lead, from the CRM's describe alone. */
class SuggestedMappingTests {

	@Test
	void aLeadGetsOnlyTheStandardFieldsItsDescribeHasAndThatTakeText() {
		ObjectDescription lead = object("Lead", false, field("Id", FieldType.ID, false), field("FirstName", FieldType.STRING, true),
				field("LastName", FieldType.STRING, true), field("Email", FieldType.EMAIL, true), field("Company", FieldType.STRING, true),
				field("Title", FieldType.NUMBER, true), field("Phone", FieldType.PHONE, true), field("Street", FieldType.TEXT, true),
				field("City", FieldType.STRING, false), field("Country", FieldType.STRING, true));

		ImportMapping suggested = SuggestedMapping.of(lead).orElseThrow();

		assertThat(suggested.fields()).as("no State/PostalCode in this org, Title a number, City read-only").containsExactly(
				entry("FirstName", "firstName"), entry("LastName", "lastName"), entry("Email", "email"), entry("Company", "companyName"),
				entry("Phone", "phoneNumber"), entry("Street", "address1"), entry("Country", "countryRegion"));
		assertThat(suggested.primaryKey()).isEqualTo("Email");
		assertThat(suggested.mergePolicy()).isEqualTo("fillBlanks");
		assertThat(suggested.campaignLink()).isEqualTo("campaignMembers");
		assertThat(suggested.insertsNew()).isFalse();
		assertThat(MappingRules.check(lead, suggested)).as("valid as suggested").isEqualTo(suggested);
	}

	@Test
	void aContactGetsItsMailingAddressAndNoCompany() {
		ObjectDescription contact = object("Contact", false, field("LastName", FieldType.STRING, true), field("Email", FieldType.EMAIL, true),
				field("Company", FieldType.STRING, true), field("Street", FieldType.STRING, true), field("MailingStreet", FieldType.TEXT, true),
				field("MailingPostalCode", FieldType.STRING, true));

		assertThat(SuggestedMapping.of(contact).orElseThrow().fields()).containsExactly(entry("LastName", "lastName"), entry("Email", "email"),
				entry("MailingStreet", "address1"), entry("MailingPostalCode", "zipCode"));
	}

	@Test
	void anOrgWithoutEmailGetsNoPrimaryKeyAndACustomObjectNoSuggestion() {
		assertThat(SuggestedMapping.of(object("Lead", false, field("LastName", FieldType.STRING, true))).orElseThrow().primaryKey()).isNull();
		assertThat(SuggestedMapping.of(object("Guest__c", true, field("Email", FieldType.EMAIL, true), field("LastName", FieldType.STRING, true))))
			.isEmpty();
	}

	private static ObjectDescription object(String name, boolean custom, FieldDescription... fields) {
		return new ObjectDescription(name, name, name + "s", custom, "00Q", List.of(fields));
	}

	private static FieldDescription field(String name, FieldType type, boolean updateable) {
		return new FieldDescription(name, name, type, false, List.of(), List.of(), false, updateable);
	}
}
