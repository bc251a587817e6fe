package org.switchboard.crm.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.PhoneNormalizer;

/**
 * The index rows a record needs: search terms, E.164 phone numbers with the searchable tails of each
 * ({@link PhoneParts}, by phone field), and references.
 */
record RecordIndexes(Set<String> terms, Map<String, String> phones, Map<String, List<String>> phoneTails,
		Map<String, String> references) {

	static RecordIndexes of(ObjectDescription object, Map<String, Object> values, String phoneRegion) {
		List<String> searchValues = new ArrayList<>();
		Map<String, String> phones = new LinkedHashMap<>();
		Map<String, List<String>> phoneTails = new LinkedHashMap<>();
		Map<String, String> references = new LinkedHashMap<>();
		for (FieldDescription field : object.fields()) {
			Object value = values.get(field.name());
			if (value == null) {
				continue;
			}
			if (SearchTerms.isSearchField(field)) {
				searchValues.add(value.toString());
			}
			if (field.type() == FieldType.PHONE) {
				// One parse for the number and its tails (a bulk write's phones were parsed twice).
				PhoneNormalizer.normalize(value.toString(), phoneRegion).ifPresent(phone -> {
					phones.put(field.name(), phone.e164());
					phoneTails.put(field.name(), PhoneParts.ofGroups(phone.digitGroups()));
				});
			}
			if (field.type() == FieldType.REFERENCE && field.updateable()) {
				references.put(field.name(), value.toString());
			}
		}
		return new RecordIndexes(SearchTerms.of(searchValues), phones, phoneTails, references);
	}

	static boolean isSearchField(FieldDescription field) {
		return SearchTerms.isSearchField(field);
	}
}
