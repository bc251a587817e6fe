package org.switchboard.workspace.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;

/**
 * What a related list shows for records without a name of their own. A campaign member reads as the person on a
 * campaign's page and as the campaign on a person's page, with its status ("Ada Lovelace · Registered"): one look-up
 * by id per object for the whole list.
 */
final class RelatedLabels {

	private static final List<String> MEMBER_SIDES = List.of("LeadId", "ContactId", "CampaignId");

	private RelatedLabels() {
	}

	/** Labels by record id for the {@code shown} records of {@code object} on {@code pageObject}'s page; none for other objects. */
	static Map<String, String> of(CrmRecords records, String pageObject, String object, List<CrmRecord> shown) {
		Map<String, String> labels = new HashMap<>();
		if (!object.equals("CampaignMember") || shown.isEmpty()) {
			return labels;
		}
		List<String> sides = MEMBER_SIDES.stream().filter(f -> !f.equals(pageObject + "Id")).toList();
		Map<String, String> names = new HashMap<>();
		for (String side : sides) {
			List<String> ids = shown.stream().map(m -> m.getString(side)).filter(Objects::nonNull).distinct().toList();
			if (!ids.isEmpty()) {
				records.findAllByField(side.substring(0, side.length() - 2), "Id", ids).forEach(r -> names.put(r.id(), r.name()));
			}
		}
		for (CrmRecord member : shown) {
			List<String> parts = new ArrayList<>();
			sides.stream().map(member::getString).filter(names::containsKey).map(names::get).filter(Objects::nonNull).forEach(parts::add);
			if (member.getString("Status") != null) {
				parts.add(member.getString("Status"));
			}
			if (!parts.isEmpty()) {
				labels.put(member.id(), String.join(" · ", parts));
			}
		}
		return labels;
	}
}
