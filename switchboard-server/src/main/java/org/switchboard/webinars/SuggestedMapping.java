package org.switchboard.webinars;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.switchboard.crm.ObjectDescription;

/**
 * The mapping the console offers for a Contact or Lead that has none saved yet: the standard registration fields onto
 * the target's standard fields, keyed by Email, filling blanks, linked as campaign members. Only fields the CRM's
 * describe has (and that take the value) are suggested, as an org may hide some. It is never saved by itself and
 * nothing is imported with it until the admin saves it; custom objects get no suggestion.
 */
final class SuggestedMapping {

	private static final Map<String, String> LEAD = fields("Company", "Street", "City", "State", "PostalCode", "Country");
	private static final Map<String, String> CONTACT = fields(null, "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode",
			"MailingCountry");

	private SuggestedMapping() {
	}

	/** The suggestion for {@code object}, or empty for an object without one (custom objects). */
	static Optional<ImportMapping> of(ObjectDescription object) {
		Map<String, String> standard = switch (object.name()) {
			case "Lead" -> LEAD;
			case "Contact" -> CONTACT;
			default -> null;
		};
		if (standard == null) {
			return Optional.empty();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		standard.forEach((target, source) -> object.field(target).filter(f -> MappingRules.fits(f, source))
			.ifPresent(f -> fields.put(f.name(), source)));
		return Optional.of(new ImportMapping(object.name(), fields.containsKey("Email") ? "Email" : null, false, "fillBlanks",
				"campaignMembers", fields));
	}

	private static Map<String, String> fields(String company, String street, String city, String state, String postalCode, String country) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("FirstName", "firstName");
		fields.put("LastName", "lastName");
		fields.put("Email", "email");
		if (company != null) {
			fields.put(company, "companyName");
		}
		fields.put("Title", "jobTitle");
		fields.put("Phone", "phoneNumber");
		fields.put(street, "address1");
		fields.put(city, "city");
		fields.put(state, "state");
		fields.put(postalCode, "zipCode");
		fields.put(country, "countryRegion");
		return Collections.unmodifiableMap(fields);
	}
}
