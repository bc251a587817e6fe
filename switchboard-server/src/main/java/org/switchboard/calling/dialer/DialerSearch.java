package org.switchboard.calling.dialer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.calling.settings.PhoneFieldSettings;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;

/**
 * The dialer's type-ahead over Contacts and/or Leads (the dialer-search toggles): by the start of a name word, or,
 * when the text looks like a number, by its digits typed from the start of any group of a stored number (country
 * code, area code, exchange, line: "5550142" and "0142" find +1 415 555 0142, "5501" does not; ADR 0032), at
 * least four digits.
 */
@Service
public class DialerSearch {

	static final int LIMIT = 10;
	private static final Pattern NUMBER_LIKE = Pattern.compile("[+0-9 ().\\-]+");
	private static final int MIN_NUMBER_DIGITS = 4;

	private final CrmRecords records;
	private final CallingSettings settings;

	DialerSearch(CrmRecords records, CallingSettings settings) {
		this.records = records;
		this.settings = settings;
	}

	public List<Result> search(String query) {
		String text = query == null ? "" : query.strip();
		if (text.isEmpty() || text.length() > 100) {
			return List.of();
		}
		PhoneFieldSettings phoneFields = settings.phoneFields();
		List<String> objects = settings.search().dialer().objects();
		if (NUMBER_LIKE.matcher(text).matches()) {
			String digits = text.replaceAll("[^0-9]", "");
			return digits.length() < MIN_NUMBER_DIGITS ? List.of() : byNumber(digits, phoneFields.forObjects(objects));
		}
		return byName(text, objects, phoneFields);
	}

	private List<Result> byNumber(String digits, Map<String, Set<String>> fields) {
		return records.searchPhoneDigits(digits, fields, LIMIT).stream()
			.limit(LIMIT)
			.map(m -> result(m.record(), m.phoneField(), List.copyOf(fields.get(m.record().object()))))
			.toList();
	}

	/** Objects in order until {@link #LIMIT} records are found: a later object's records would not be shown. */
	private List<Result> byName(String text, List<String> objects, PhoneFieldSettings phoneFields) {
		List<Result> results = new ArrayList<>();
		for (String object : objects) {
			if (results.size() >= LIMIT) {
				break;
			}
			for (CrmRecord record : records.find(object, text, LIMIT)) {
				List<String> fields = phoneFields.fieldsOf(object);
				String first = fields.stream().filter(f -> record.getString(f) != null).findFirst().orElse(null);
				results.add(result(record, first, fields));
			}
		}
		return results.stream().limit(LIMIT).toList();
	}

	private static Result result(CrmRecord record, String phoneField, List<String> fields) {
		Map<String, String> phones = new LinkedHashMap<>();
		fields.forEach(f -> {
			if (record.getString(f) != null) {
				phones.put(f, record.getString(f));
			}
		});
		return new Result(record.object(), record.id(), record.name(), phoneField == null ? null : record.getString(phoneField),
				phoneField, phones);
	}

	/** One record found: its first matching (or first filled) Webex phone field, and all of them. */
	public record Result(String object, String id, String name, String phone, String phoneField, Map<String, String> phones) {
	}
}
