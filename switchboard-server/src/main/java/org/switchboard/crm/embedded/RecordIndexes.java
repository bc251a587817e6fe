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

/** The index rows a record needs: search terms, E.164 phone numbers and references. */
record RecordIndexes(Set<String> terms, Map<String, String> phones, Map<String, String> references) {

	static RecordIndexes of(ObjectDescription object, Map<String, Object> values, String phoneRegion) {
		List<String> searchValues = new ArrayList<>();
		Map<String, String> phones = new LinkedHashMap<>();
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
				PhoneNormalizer.toE164(value.toString(), phoneRegion).ifPresent(e164 -> phones.put(field.name(), e164));
			}
			if (field.type() == FieldType.REFERENCE && field.updateable()) {
				references.put(field.name(), value.toString());
			}
		}
		return new RecordIndexes(SearchTerms.of(searchValues), phones, references);
	}

	static boolean isSearchField(FieldDescription field) {
		return SearchTerms.isSearchField(field);
	}
}
