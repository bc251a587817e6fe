package org.switchboard.webinars;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.webinars.ImportJobs.Outcome;

/**
 * Links the chunk's records to the import's campaign: standard CampaignMembers (status Invited, Registered or
 * Attended) and/or our Webex Webinar Campaign Members (roles and attendance), each created once and updated only when
 * its data changed, so importing a webinar again changes nothing.
 */
@Component
class CampaignLinks {

	private static final List<String> STATUS_ORDER = List.of("Invited", "Registered", "Attended");

	private final CrmRecords records;
	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Batches batches;

	CampaignLinks(CrmRecords records, JdbcClient jdbc, JdbcTemplate template, Batches batches) {
		this.records = records;
		this.jdbc = jdbc;
		this.template = template;
		this.batches = batches;
	}

	/** The rows of {@code webinar_member} a chunk adds ({@code webinar, record, member, hash}) and changes ({@code hash, webinar, record}). */
	record MemberRows(List<Object[]> inserts, List<Object[]> updates) {

		static final MemberRows NONE = new MemberRows(List.of(), List.of());
	}

	/** Links the records in the CRM; what our database keeps about the webinar members is returned for {@link #keep}. */
	MemberRows link(ImportJob job, ObjectDescription object, List<WebinarPerson> people, Map<Integer, String> recordIds, Outcome[] outcomes) {
		if (recordIds.isEmpty()) {
			return MemberRows.NONE;
		}
		ImportMapping mapping = job.mapping();
		boolean person = object.name().equals("Lead") || object.name().equals("Contact");
		if (person && mapping.toCampaignMembers() && job.campaignId() != null) {
			campaignMembers(job, object, people, recordIds, outcomes);
		}
		if (mapping.toWebinarMembers() || !person) {
			return webinarMembers(job, object, people, recordIds, outcomes);
		}
		return MemberRows.NONE;
	}

	/** Stores the webinar members' rows (the caller's transaction). */
	void keep(MemberRows rows) {
		template.batchUpdate("INSERT INTO webinar_member (webinar_id, record_id, member_id, member_hash) VALUES (?, ?, ?, ?)", rows.inserts());
		template.batchUpdate("UPDATE webinar_member SET member_hash = ? WHERE webinar_id = ? AND record_id = ?", rows.updates());
	}

	private void campaignMembers(ImportJob job, ObjectDescription object, List<WebinarPerson> people, Map<Integer, String> recordIds,
			Outcome[] outcomes) {
		String field = object.name() + "Id";
		Map<String, CrmRecord> members = new HashMap<>();
		for (CrmRecord m : records.findAllByField("CampaignMember", field, recordIds.values())) {
			if (job.campaignId().equals(m.getString("CampaignId"))) {
				members.put(m.getString(field), m);
			}
		}
		Map<Integer, Map<String, Object>> creates = new LinkedHashMap<>();
		Map<Integer, Map<String, Object>> updates = new LinkedHashMap<>();
		Map<Integer, String> memberIds = new HashMap<>();
		recordIds.forEach((position, recordId) -> {
			String status = people.get(position).campaignStatus();
			CrmRecord member = members.get(recordId);
			if (member == null) {
				Map<String, Object> values = new LinkedHashMap<>();
				values.put("CampaignId", job.campaignId());
				values.put(field, recordId);
				values.put("Status", status);
				creates.put(position, values);
			}
			else if (STATUS_ORDER.indexOf(status) > STATUS_ORDER.indexOf(member.getString("Status"))) {
				memberIds.put(position, member.id());
				updates.put(position, Map.of("Status", status));
			}
		});
		write("CampaignMember", "campaign member", job, creates, updates, memberIds, outcomes);
	}

	private MemberRows webinarMembers(ImportJob job, ObjectDescription object, List<WebinarPerson> people, Map<Integer, String> recordIds,
			Outcome[] outcomes) {
		Map<String, String[]> known = new HashMap<>();
		jdbc.sql("SELECT record_id, member_id, member_hash FROM webinar_member WHERE webinar_id = :webinar AND record_id IN (:ids)")
			.param("webinar", job.webinarId()).param("ids", recordIds.values())
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list()
			.forEach(row -> known.put(row[0], row));
		Set<String> unremembered = unremembered(job, recordIds, known);
		Map<Integer, Map<String, Object>> creates = new LinkedHashMap<>();
		Map<Integer, Map<String, Object>> updates = new LinkedHashMap<>();
		Map<Integer, String> memberIds = new HashMap<>();
		Map<Integer, String> hashes = new HashMap<>();
		recordIds.forEach((position, recordId) -> {
			Map<String, Object> values = memberValues(job, object, people.get(position), recordId);
			String hash = Integer.toHexString(values.toString().hashCode());
			String[] row = known.get(recordId);
			hashes.put(position, hash);
			if (row == null) {
				creates.put(position, values);
			}
			else if (!row[2].equals(hash)) {
				memberIds.put(position, row[1]);
				updates.put(position, values);
			}
		});
		write(WebinarMemberObject.NAME, "webinar member", job, creates, updates, memberIds, outcomes);
		List<Object[]> inserts = new ArrayList<>();
		creates.keySet().stream().filter(memberIds::containsKey)
			.forEach(p -> inserts.add(new Object[] { job.webinarId(), recordIds.get(p), memberIds.get(p), hashes.get(p) }));
		List<Object[]> changed = new ArrayList<>();
		updates.keySet().forEach(p -> {
			if (unremembered.contains(recordIds.get(p))) {
				inserts.add(new Object[] { job.webinarId(), recordIds.get(p), memberIds.get(p), hashes.get(p) });
			}
			else {
				changed.add(new Object[] { hashes.get(p), job.webinarId(), recordIds.get(p) });
			}
		});
		return new MemberRows(inserts, changed);
	}

	/**
	 * In a remote CRM, the webinar members of {@code recordIds} that exist there but not in {@code webinar_member} (an
	 * import stopped between writing them and storing their rows), added to {@code known} with no hash, so they are
	 * updated and remembered instead of created again. Our own database's store needs no look: its members and rows
	 * commit together.
	 */
	private Set<String> unremembered(ImportJob job, Map<Integer, String> recordIds, Map<String, String[]> known) {
		List<String> unknown = recordIds.values().stream().filter(id -> !known.containsKey(id)).distinct().toList();
		if (records.writesJoinOurTransaction() || unknown.isEmpty()) {
			return Set.of();
		}
		Set<String> found = new HashSet<>();
		for (CrmRecord m : records.findAllByField(WebinarMemberObject.NAME, "Record_Id__c", unknown)) {
			String recordId = m.getString("Record_Id__c");
			if (job.webinarId().equals(m.getString("Webinar_Id__c")) && found.add(recordId)) {
				known.put(recordId, new String[] { recordId, m.id(), "" });
			}
		}
		return found;
	}

	private static Map<String, Object> memberValues(ImportJob job, ObjectDescription object, WebinarPerson person, String recordId) {
		Map<String, Object> values = new LinkedHashMap<>();
		String title = job.webinarTitle() == null ? job.webinarId() : job.webinarTitle();
		values.put("Name", abbreviate(title, 120) + " · " + abbreviate(person.key(), 120));
		if (job.campaignId() != null) {
			values.put("Campaign__c", job.campaignId());
		}
		if (object.name().equals("Lead") || object.name().equals("Contact")) {
			values.put(object.name() + "__c", recordId);
		}
		values.put("Record_Id__c", recordId);
		values.put("Webinar_Id__c", job.webinarId());
		values.put("Webinar_Title__c", abbreviate(title, 255));
		values.put("Role__c", person.role());
		values.put("Invited__c", person.invitee());
		values.put("Registered__c", person.registrant());
		values.put("Attended__c", person.attendee());
		if (person.joined() != null) {
			values.put("Join_Time__c", person.joined().toString());
		}
		if (person.left() != null) {
			values.put("Leave_Time__c", person.left().toString());
		}
		values.put("Minutes__c", person.minutes());
		return values;
	}

	/** Creates and updates members; a person whose link failed keeps its record outcome with the reason added. */
	private void write(String object, String what, ImportJob job, Map<Integer, Map<String, Object>> creates,
			Map<Integer, Map<String, Object>> updates, Map<Integer, String> memberIds, Outcome[] outcomes) {
		Outcome[] linkOutcomes = new Outcome[outcomes.length];
		String[] keys = new String[outcomes.length];
		batches.create(object, creates, job.userId(), linkOutcomes, keys, memberIds);
		batches.update(object, updates, job.userId(), linkOutcomes, keys, memberIds);
		for (int i = 0; i < outcomes.length; i++) {
			Outcome link = linkOutcomes[i];
			Outcome record = outcomes[i];
			if (link == null || record == null) {
				continue;
			}
			if ("failed".equals(link.outcome())) {
				outcomes[i] = new Outcome(record.key(), record.outcome(), record.recordId(), join(record.reason(), what + " failed: " + link.reason()));
			}
			else if ("skipped".equals(record.outcome())) {
				outcomes[i] = new Outcome(record.key(), "updated", record.recordId(), join(null, what + " " + link.outcome()));
			}
		}
	}

	private static String join(String a, String b) {
		return a == null || a.isBlank() ? b : a + "; " + b;
	}

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
