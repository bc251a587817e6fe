package dev.switchboard.salesforce.pubsub;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salesforce's compound fields as change events carry them: an address ({@code BillingAddress}, {@code ShippingAddress},
 * {@code MailingAddress}, {@code OtherAddress}, a Lead's {@code Address}) or a person's {@code Name} (Contact, Lead) is
 * one nested record in the event, whose parts are the object's own fields: {@code BillingAddress.City} is
 * {@code BillingCity}, {@code Name.FirstName} is {@code FirstName}.
 */
public final class CompoundFields {

	/** The parts of an address, in the order of Salesforce's {@code Address} record. */
	public static final List<String> ADDRESS_PARTS = List.of("Street", "City", "State", "PostalCode", "Country", "StateCode",
			"CountryCode", "Latitude", "Longitude", "GeocodeAccuracy");

	/** The parts of a person's name, in the order of Salesforce's {@code Switchable_PersonName} record. */
	public static final List<String> NAME_PARTS = List.of("Salutation", "FirstName", "LastName", "MiddleName", "Suffix");

	private static final Map<String, List<String>> ADDRESS_PREFIXES = Map.of("Account", List.of("Billing", "Shipping"), "Contact",
			List.of("Mailing", "Other"), "Lead", List.of(""));

	private CompoundFields() {
	}

	/** A part of a compound field: the compound's name and the part's name inside it. */
	public record Part(String compound, String part) {
	}

	/** The compound field that holds {@code field} of {@code entity} ({@code Account.BillingCity} → {@code BillingAddress.City}). */
	public static Optional<Part> of(String entity, String field) {
		if (("Contact".equals(entity) || "Lead".equals(entity)) && NAME_PARTS.contains(field)) {
			return Optional.of(new Part("Name", field));
		}
		for (String prefix : ADDRESS_PREFIXES.getOrDefault(entity, List.of())) {
			if (field.startsWith(prefix) && ADDRESS_PARTS.contains(field.substring(prefix.length()))) {
				return Optional.of(new Part(prefix + "Address", field.substring(prefix.length())));
			}
		}
		return Optional.empty();
	}

	/** Whether {@code entity}'s {@code Name} is a compound (a person's name) rather than a text field. */
	public static boolean personName(String entity) {
		return "Contact".equals(entity) || "Lead".equals(entity);
	}

	/** The object's own field for a part of a compound field: {@code BillingAddress}, {@code City} → {@code BillingCity}. */
	public static String flatName(String compound, String part) {
		if (compound.endsWith("Address")) {
			return compound.substring(0, compound.length() - "Address".length()) + part;
		}
		return part;
	}
}
