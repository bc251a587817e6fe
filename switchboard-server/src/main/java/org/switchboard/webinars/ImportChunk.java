package org.switchboard.webinars;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.webinars.ImportJobs.Outcome;

/**
 * Writes one chunk of people: matches them by primary key in one lookup, creates the new ones and updates the existing
 * ones (by the merge policy) through the CRM port's batch operations, then links them to the campaign. A batch the CRM
 * refuses is retried row by row, so one bad row is reported, not fatal. What our database keeps about the chunk is
 * returned ({@link Written}) and stored by {@link #keep} in the caller's transaction: around the whole chunk when the
 * CRM's writes join it, after the CRM calls when the CRM is remote (ADR 0033). For a remote CRM the people about to be
 * created are recorded first ({@link ImportIntents}), so a chunk resumed after a stop between the CRM write and
 * {@link #keep} takes the records it finds by key as its own creations instead of creating them again.
 */
@Component
class ImportChunk {

	private final CrmRecords records;
	private final CrmSchema schema;
	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final CampaignLinks links;
	private final Batches batches;
	private final ImportIntents intents;

	ImportChunk(CrmRecords records, CrmSchema schema, JdbcClient jdbc, JdbcTemplate template, CampaignLinks links, Batches batches,
			ImportIntents intents) {
		this.records = records;
		this.schema = schema;
		this.jdbc = jdbc;
		this.template = template;
		this.links = links;
		this.batches = batches;
		this.intents = intents;
	}

	/** What a chunk did: each person's outcome, and the rows our database keeps about it. */
	record Written(List<Outcome> outcomes, List<Object[]> importRecords, CampaignLinks.MemberRows members, List<String> intended) {
	}

	/** Whether a chunk's CRM writes belong inside the caller's transaction (the CRM lives in our database). */
	boolean writesInOurTransaction() {
		return records.writesJoinOurTransaction();
	}

	/** Matches and writes the people to the CRM; stores nothing of its own but the intent for a remote CRM. */
	Written write(ImportJob job, List<WebinarPerson> people) {
		ImportMapping mapping = job.mapping();
		ObjectDescription object = schema.describe(mapping.object());
		Outcome[] outcomes = new Outcome[people.size()];
		String[] keys = new String[people.size()];
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < people.size(); i++) {
			String key = people.get(i).value(mapping.keySource());
			if (key == null) {
				outcomes[i] = new Outcome(people.get(i).key(), "skipped", null,
						"no " + mapping.keySource() + " for the primary key " + mapping.primaryKey());
			}
			else if (!seen.add(fold(key))) {
				outcomes[i] = new Outcome(key, "skipped", null, "the same " + mapping.primaryKey() + " as an earlier person of this webinar");
			}
			else {
				keys[i] = fold(key);
			}
		}
		boolean remote = !records.writesJoinOurTransaction();
		List<String> keyed = java.util.Arrays.stream(keys).filter(Objects::nonNull).toList();
		Set<String> intended = remote ? intents.of(job.importId(), keyed) : Set.of();
		Map<String, CrmRecord> existing = existing(job, object, mapping, keys);
		existing.putAll(createdBeforeAStop(job, object, mapping, intended, existing));
		Map<Integer, Map<String, Object>> creates = new LinkedHashMap<>();
		Map<Integer, Map<String, Object>> updates = new LinkedHashMap<>();
		Map<Integer, String> recordIds = new HashMap<>();
		Set<Integer> created = new HashSet<>();
		for (int i = 0; i < people.size(); i++) {
			if (keys[i] == null) {
				continue;
			}
			CrmRecord found = existing.get(keys[i]);
			if (found == null) {
				creates.put(i, newValues(object, mapping, people.get(i)));
				continue;
			}
			recordIds.put(i, found.id());
			if (intended.contains(keys[i])) {
				outcomes[i] = new Outcome(keys[i], "created", found.id(), null);
				created.add(i);
				continue;
			}
			Map<String, Object> changes = changes(mapping, found, people.get(i));
			if (changes.isEmpty()) {
				outcomes[i] = new Outcome(keys[i], "skipped", found.id(),
						"skip".equals(mapping.mergePolicy()) ? "exists; the merge policy leaves it untouched" : "exists and is up to date");
			}
			else {
				updates.put(i, changes);
			}
		}
		List<String> toCreate = creates.keySet().stream().map(i -> keys[i]).toList();
		if (remote) {
			intents.record(job.importId(), toCreate, intended);
		}
		batches.create(object.name(), creates, job.userId(), outcomes, keys, recordIds);
		batches.update(object.name(), updates, job.userId(), outcomes, keys, recordIds);
		created.addAll(creates.keySet());
		List<Object[]> importRecords = remember(job, object, created, keys, recordIds, outcomes);
		CampaignLinks.MemberRows members = links.link(job, object, people, recordIds, outcomes);
		List<String> toClear = new ArrayList<>(intended);
		toClear.addAll(remote ? toCreate : List.of());
		return new Written(java.util.Arrays.asList(outcomes), importRecords, members, toClear);
	}

	/** Stores what the chunk wrote (the caller's transaction, with the outcomes) and forgets its intent. */
	void keep(ImportJob job, Written written) {
		template.batchUpdate("INSERT INTO webinar_import_record (object_name, webinar_id, person_key, record_id) VALUES (?, ?, ?, ?)",
				written.importRecords());
		links.keep(written.members());
		intents.clear(job.importId(), written.intended());
	}

	/**
	 * Records an earlier attempt of this import created before it stopped (their keys {@code intended}, not matched
	 * above). Matching by key already finds them unless the mapping inserts new records per webinar: then they are the
	 * records with that key no import remembers.
	 */
	private Map<String, CrmRecord> createdBeforeAStop(ImportJob job, ObjectDescription object, ImportMapping mapping, Set<String> intended,
			Map<String, CrmRecord> existing) {
		List<String> missing = intended.stream().filter(k -> !existing.containsKey(k)).toList();
		if (missing.isEmpty() || !mapping.insertsNew()) {
			return Map.of();
		}
		List<CrmRecord> candidates = records.findAllByField(object.name(), mapping.primaryKey(), missing);
		Set<String> remembered = candidates.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
				"SELECT record_id FROM webinar_import_record WHERE object_name = :object AND record_id IN (:ids)")
			.param("object", object.name()).param("ids", candidates.stream().map(CrmRecord::id).toList()).query(String.class).list());
		Map<String, CrmRecord> found = new HashMap<>();
		candidates.stream().filter(r -> !remembered.contains(r.id())).forEach(r -> found.putIfAbsent(fold(r.getString(mapping.primaryKey())), r));
		return found;
	}

	private Map<String, CrmRecord> existing(ImportJob job, ObjectDescription object, ImportMapping mapping, String[] keys) {
		List<String> wanted = java.util.Arrays.stream(keys).filter(Objects::nonNull).toList();
		Map<String, CrmRecord> found = new HashMap<>();
		if (wanted.isEmpty()) {
			return found;
		}
		if (mapping.insertsNew()) {
			Map<String, String> ids = new HashMap<>();
			jdbc.sql("SELECT person_key, record_id FROM webinar_import_record WHERE object_name = :object AND webinar_id = :webinar AND person_key IN (:keys)")
				.param("object", object.name()).param("webinar", job.webinarId()).param("keys", wanted)
				.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().forEach(e -> ids.put(e.getKey(), e.getValue()));
			if (ids.isEmpty()) {
				return found;
			}
			Map<String, CrmRecord> byId = new HashMap<>();
			records.findAllByField(object.name(), "Id", ids.values()).forEach(r -> byId.put(r.id(), r));
			ids.forEach((key, id) -> {
				if (byId.containsKey(id)) {
					found.put(key, byId.get(id));
				}
			});
			return found;
		}
		for (CrmRecord r : records.findAllByField(object.name(), mapping.primaryKey(), wanted)) {
			found.putIfAbsent(fold(r.getString(mapping.primaryKey())), r);
		}
		return found;
	}

	/** A new record's values: the mapped fields the person has, and the first value of each required picklist. */
	private static Map<String, Object> newValues(ObjectDescription object, ImportMapping mapping, WebinarPerson person) {
		Map<String, Object> values = new LinkedHashMap<>();
		mapping.fields().forEach((target, source) -> {
			String value = person.value(source);
			if (value != null) {
				values.put(target, value);
			}
		});
		for (FieldDescription field : object.fields()) {
			if (field.required() && field.type() == FieldType.PICKLIST && !values.containsKey(field.name()) && !field.picklistValues().isEmpty()) {
				values.put(field.name(), field.picklistValues().get(0));
			}
		}
		return values;
	}

	/** What the merge policy changes on an existing record: nothing, its blank mapped fields, or every differing one. */
	private static Map<String, Object> changes(ImportMapping mapping, CrmRecord existing, WebinarPerson person) {
		Map<String, Object> changes = new LinkedHashMap<>();
		if ("skip".equals(mapping.mergePolicy())) {
			return changes;
		}
		boolean overwrite = "overwrite".equals(mapping.mergePolicy());
		mapping.fields().forEach((target, source) -> {
			String value = person.value(source);
			String current = existing.getString(target);
			boolean blank = current == null || current.isBlank();
			if (value != null && (blank || overwrite && !value.equals(current))) {
				changes.put(target, value);
			}
		});
		return changes;
	}

	/** The rows of {@code webinar_import_record} for the records this chunk created. */
	private static List<Object[]> remember(ImportJob job, ObjectDescription object, Set<Integer> created, String[] keys,
			Map<Integer, String> recordIds, Outcome[] outcomes) {
		List<Object[]> rows = new ArrayList<>();
		for (int i : created) {
			if (recordIds.containsKey(i) && "created".equals(outcomes[i].outcome())) {
				rows.add(new Object[] { object.name(), job.webinarId(), keys[i], recordIds.get(i) });
			}
		}
		return rows;
	}

	static String fold(String key) {
		return key.trim().toLowerCase(Locale.ROOT);
	}
}
