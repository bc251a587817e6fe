package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.PhoneMatch;
import org.switchboard.crm.PhoneNormalizer;
import org.switchboard.crm.embedded.PhoneRegion;

import tools.jackson.databind.JsonNode;

/**
 * Finds records by phone number. Salesforce stores numbers as typed, so the adapter asks SOSL
 * {@code IN PHONE FIELDS} for the number's candidate digit forms and then keeps only the hits whose field, read
 * as E.164 with our own normaliser, really is the number (reference §2.4).
 */
class SalesforcePhones {

	private static final int MIN_DIGITS = 4;

	private final SalesforceReads reads;
	private final SalesforceSchema schema;
	private final PhoneRegion region;

	SalesforcePhones(SalesforceReads reads, SalesforceSchema schema, PhoneRegion region) {
		this.reads = reads;
		this.schema = schema;
		this.region = region;
	}

	List<PhoneMatch> findByPhone(String number, Map<String, Set<String>> fieldsByObject) {
		Optional<String> e164 = PhoneNormalizer.toE164(number, region.current());
		if (e164.isEmpty() || fieldsByObject.values().stream().allMatch(Set::isEmpty)) {
			return List.of();
		}
		Set<String> forms = new LinkedHashSet<>(List.of(e164.get().substring(1)));
		national(e164.get()).ifPresent(forms::add);
		String terms = forms.stream().map(f -> Soql.soslWord(f, false)).collect(Collectors.joining(" OR "));
		return matches(terms, fieldsByObject, 200, value -> e164.equals(PhoneNormalizer.toE164(value, region.current())));
	}

	List<PhoneMatch> searchDigits(String digits, Map<String, Set<String>> fieldsByObject, int limit) {
		if (digits == null || !digits.matches("[0-9]{" + MIN_DIGITS + ",19}")) {
			return List.of();
		}
		// The typed number may lack the country code the digits start with: also look for the digits without it.
		Set<String> forms = new LinkedHashSet<>();
		for (int skip = 0; skip <= 3 && digits.length() - skip >= MIN_DIGITS; skip++) {
			forms.add(Soql.soslWord(digits.substring(skip), true));
		}
		int size = Math.max(1, Math.min(limit, 200));
		return matches(String.join(" OR ", forms), fieldsByObject, size,
				value -> PhoneNormalizer.toE164(value, region.current()).map(e -> e.contains(digits)).orElse(false))
			.stream().limit(size).toList();
	}

	private List<PhoneMatch> matches(String terms, Map<String, Set<String>> fieldsByObject, int perObject,
			java.util.function.Predicate<String> isMatch) {
		List<String> returning = fieldsByObject.entrySet().stream().filter(e -> !e.getValue().isEmpty())
			.map(e -> reads.returning(schema.describe(e.getKey()), Math.min(2000, perObject * 4))).toList();
		List<PhoneMatch> matches = new ArrayList<>();
		Map<String, Integer> perType = new java.util.HashMap<>();
		for (JsonNode hit : reads.search("FIND {" + terms + "} IN PHONE FIELDS RETURNING " + String.join(", ", returning))) {
			CrmRecord record = reads.toRecord(hit);
			Set<String> fields = fieldsByObject.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(record.object()))
				.findFirst().map(Map.Entry::getValue).orElse(Set.of());
			Optional<String> field = schema.describe(record.object()).phoneFields().stream().map(f -> f.name())
				.filter(fields::contains).filter(f -> record.getString(f) != null && isMatch.test(record.getString(f))).findFirst();
			if (field.isPresent() && perType.merge(record.object(), 1, Integer::sum) <= perObject) {
				matches.add(new PhoneMatch(record, field.get()));
			}
		}
		return matches;
	}

	private static Optional<String> national(String e164) {
		try {
			return Optional.of(String.valueOf(PhoneNumberUtil.getInstance().parse(e164, "ZZ").getNationalNumber()));
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}
}
