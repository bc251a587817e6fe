package org.switchboard.workspace.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.switchboard.access.ObjectOperation;
import org.switchboard.access.SignedInOnly;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.PhoneMatch;
import org.switchboard.workspace.RecordRights;

/**
 * The header's search across objects, grouped by object: names, emails and companies by word prefix, phone numbers
 * in any format through the phone index. Text without a letter or digit (symbols, emoji) matches nothing; the
 * store's search compares whole words, so {@code %}, {@code _} and {@code \} are never wildcards.
 */
@Controller
@SignedInOnly
class GlobalSearch {

	static final List<String> OBJECTS = List.of("Account", "Contact", "Lead", "Opportunity", "Case", "Campaign");
	private static final int PER_OBJECT = 5;

	private final CrmRecords records;
	private final CrmSchema schema;
	private final RecordRights rights;

	GlobalSearch(CrmRecords records, CrmSchema schema, RecordRights rights) {
		this.records = records;
		this.schema = schema;
		this.rights = rights;
	}

	record Group(ObjectDescription object, List<CrmRecord> records) {
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		String query = q == null ? "" : q.strip();
		model.addAttribute("q", query);
		model.addAttribute("groups", groups(query, htmx != null ? PER_OBJECT : 25));
		model.addAttribute("searched", !query.isEmpty());
		return htmx != null ? "search :: results" : "search";
	}

	List<Group> groups(String query, int perObject) {
		if (!hasLetterOrDigit(query)) {
			return List.of();
		}
		String digits = ListViews.phoneDigits(query);
		List<Group> groups = new ArrayList<>();
		for (String name : OBJECTS) {
			ObjectDescription object = schema.find(name).orElse(null);
			if (object == null || !rights.may(object, ObjectOperation.READ)) {
				continue;
			}
			List<CrmRecord> found = digits != null ? byPhone(object, digits, perObject) : records.find(name, query, perObject);
			if (!found.isEmpty()) {
				groups.add(new Group(object, found));
			}
		}
		return groups;
	}

	private List<CrmRecord> byPhone(ObjectDescription object, String digits, int limit) {
		Set<String> fields = object.phoneFields().stream().map(FieldDescription::name).collect(Collectors.toSet());
		if (fields.isEmpty()) {
			return List.of();
		}
		Map<String, CrmRecord> byId = new LinkedHashMap<>();
		records.searchPhoneDigits(digits, Map.of(object.name(), fields), limit).stream().map(PhoneMatch::record)
			.forEach(r -> byId.putIfAbsent(r.id(), r));
		return byId.values().stream().limit(limit).toList();
	}

	static boolean hasLetterOrDigit(String query) {
		return query != null && query.codePoints().anyMatch(Character::isLetterOrDigit);
	}
}
