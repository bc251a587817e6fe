package org.switchboard.crm.embedded;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JDBC access to the record table and its index tables. */
class RecordTable {

	private static final String COLUMNS = "id, object_name, name, field_values, created_by, created_date, last_modified_by, last_modified_date, version";
	private static final TypeReference<LinkedHashMap<String, Object>> DOCUMENT = new TypeReference<>() {
	};

	private static final List<String> RECORD_COLUMNS = List.of("id", "object_name", "name", "field_values", "created_by",
			"created_date", "last_modified_by", "last_modified_date", "version", "name_key");

	/**
	 * Index rows whose columns are their key, compared column by column: a batch written in key order changes each
	 * B-tree leaf once in a row instead of hopping between leaves (H2 copies and later rewrites every leaf it touches).
	 */
	private static final java.util.Comparator<Object[]> IN_KEY_ORDER = (a, b) -> {
		for (int i = 0; i < a.length; i++) {
			int c = ((String) a[i]).compareTo((String) b[i]);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	};

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final BulkRows bulk;
	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	RecordTable(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.bulk = new BulkRows(template);
	}

	Optional<StoredRecord> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM crm_record WHERE id = ?").param(id).query(this::toRecord).optional();
	}

	/** Ids of the records of {@code objects} last modified by {@code userId}, newest first (index crm_record_by_modifier). */
	List<String> recentlyModifiedBy(String userId, Collection<String> objects, int limit) {
		return jdbc.sql("""
				SELECT id FROM crm_record WHERE last_modified_by = :user AND object_name IN (:objects)
				ORDER BY last_modified_date DESC, id DESC LIMIT :limit""")
			.param("user", userId).param("objects", objects).param("limit", limit).query(String.class).list();
	}

	/** The record, its row locked until the transaction ends, so a version check and the write that follows are one step. */
	Optional<StoredRecord> findForUpdate(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM crm_record WHERE id = ? FOR UPDATE").param(id).query(this::toRecord).optional();
	}

	List<StoredRecord> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, StoredRecord> byId = new HashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM crm_record WHERE id IN (:ids)").param("ids", ids)
			.query(this::toRecord).list().forEach(r -> byId.put(r.id(), r));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	Optional<String> objectOf(String id) {
		return jdbc.sql("SELECT object_name FROM crm_record WHERE id = ?").param(id).query(String.class).optional();
	}

	/**
	 * The object of each of {@code ids} that exists, in one primary-key query per thousand ids (a batch create's
	 * reference check).
	 */
	Map<String, String> objectsOf(Collection<String> ids) {
		Map<String, String> objects = new HashMap<>();
		List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(ids));
		for (int from = 0; from < sorted.size(); from += 1000) {
			List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + 1000));
			jdbc.sql("SELECT id, object_name FROM crm_record WHERE id IN (:ids)").param("ids", chunk)
				.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
				.forEach(e -> objects.put(e.getKey(), e.getValue()));
		}
		return objects;
	}

	void insert(StoredRecord r, RecordIndexes indexes) {
		insertAll(List.of(r), List.of(indexes));
	}

	/** Writes records and their index rows set-wise: JDBC batches, or COPY on PostgreSQL ({@link BulkRows}). */
	void insertAll(List<StoredRecord> records, List<RecordIndexes> indexes) {
		List<Object[]> rows = new ArrayList<>(records.size());
		for (StoredRecord r : records) {
			rows.add(new Object[] { r.id(), r.object(), r.name(), json.writeValueAsString(r.values()), r.createdBy(),
					utc(r.createdDate()), r.lastModifiedBy(), utc(r.lastModifiedDate()), r.version(), nameKey(r.name()) });
		}
		bulk.insert("crm_record", RECORD_COLUMNS, rows);
		insertIndexes(records, indexes);
	}

	void update(StoredRecord r, RecordIndexes indexes) {
		jdbc.sql("""
				UPDATE crm_record SET name = ?, name_key = ?, field_values = ?, last_modified_by = ?, last_modified_date = ?, version = ?
				WHERE id = ?""")
			.params(r.name(), nameKey(r.name()), json.writeValueAsString(r.values()), r.lastModifiedBy(),
					utc(r.lastModifiedDate()), r.version(), r.id())
			.update();
		deleteIndexes(r.id());
		insertIndexes(List.of(r), List.of(indexes));
	}

	void delete(String id) {
		deleteIndexes(id);
		jdbc.sql("DELETE FROM crm_record WHERE id = ?").param(id).update();
	}

	/** Ids of records of {@code object} whose reference {@code field} points at {@code targetId}. */
	List<String> referencing(String object, String field, String targetId, int limit) {
		return jdbc.sql("""
				SELECT record_id FROM crm_reference WHERE target_id = ? AND object_name = ? AND field_name = ?
				ORDER BY record_id LIMIT ?""")
			.params(targetId, object, field, limit).query(String.class).list();
	}

	/** Every (record, field) that points at {@code targetId}. */
	List<Map.Entry<String, String>> allReferencing(String targetId) {
		return jdbc.sql("SELECT record_id, field_name FROM crm_reference WHERE target_id = ?").param(targetId)
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list();
	}

	List<String> list(String object, int offset, int limit) {
		return jdbc.sql("SELECT id FROM crm_record WHERE object_name = ? ORDER BY name_key, id LIMIT ? OFFSET ?")
			.params(object, limit, offset).query(String.class).list();
	}

	long count(String object) {
		return jdbc.sql("SELECT COUNT(*) FROM crm_record WHERE object_name = ?").param(object).query(Long.class).single();
	}

	/**
	 * Ids of records whose terms start with every word, best (alphabetically first) term first.
	 * The first word drives an index range scan; the others are checked per candidate.
	 */
	List<String> searchTerms(String object, List<String> words, int maxRows) {
		StringBuilder sql = new StringBuilder(
				"SELECT t.record_id FROM crm_search_term t WHERE t.object_name = ? AND t.term >= ? AND t.term < ?");
		List<Object> params = new ArrayList<>(List.of(object, words.get(0), prefixEnd(words.get(0))));
		for (String word : words.subList(1, words.size())) {
			sql.append(" AND EXISTS (SELECT 1 FROM crm_search_term o WHERE o.record_id = t.record_id")
				.append(" AND o.object_name = ? AND o.term >= ? AND o.term < ?)");
			params.addAll(List.of(object, word, prefixEnd(word)));
		}
		// The whole key, so H2 too reads the index in order instead of sorting every matching term.
		sql.append(" ORDER BY t.object_name, t.term, t.record_id LIMIT ?");
		params.add(maxRows);
		return jdbc.sql(sql.toString()).params(params).query(String.class).list();
	}

	/** Ids whose terms start with {@code word}, counted up to {@code cap}. */
	long countTerms(String object, String word, int cap) {
		return jdbc.sql("SELECT COUNT(DISTINCT record_id) FROM (SELECT record_id FROM crm_search_term WHERE object_name = ? AND term >= ? AND term < ? LIMIT ?) m")
			.params(object, word, prefixEnd(word), cap).query(Long.class).single();
	}

	List<String> exactTerm(String object, String term) {
		return jdbc.sql("SELECT record_id FROM crm_search_term WHERE object_name = ? AND term = ? LIMIT 100")
			.params(object, term).query(String.class).list();
	}

	/**
	 * Ids of records of {@code object} with one of the whole folded {@code terms} (name, email and username values).
	 * The range of the terms bounds an index range scan: H2 does not look a long IN list up in an index's second
	 * column, so callers pass values close together in sort order (a sorted batch).
	 */
	List<String> exactTerms(String object, Collection<String> terms) {
		java.util.TreeSet<String> sorted = new java.util.TreeSet<>(terms);
		return jdbc.sql("SELECT record_id FROM crm_search_term WHERE object_name = :object AND term >= :first AND term <= :last AND term IN (:terms)")
			.param("object", object).param("first", sorted.first()).param("last", sorted.last()).param("terms", sorted)
			.query(String.class).list();
	}

	/** Ids of records of {@code object} whose reference {@code field} points at one of {@code targetIds} (a range scan, as above). */
	List<String> referencingAny(String object, String field, Collection<String> targetIds) {
		if (targetIds.isEmpty()) {
			return List.of();
		}
		java.util.TreeSet<String> sorted = new java.util.TreeSet<>(targetIds);
		return jdbc.sql("""
				SELECT record_id FROM crm_reference WHERE target_id >= :first AND target_id <= :last AND target_id IN (:targets)
				AND object_name = :object AND field_name = :field""")
			.param("first", sorted.first()).param("last", sorted.last()).param("targets", sorted)
			.param("object", object).param("field", field).query(String.class).list();
	}

	/** Every id of the object (for matching on a field no index holds). */
	List<String> idsOf(String object) {
		return jdbc.sql("SELECT id FROM crm_record WHERE object_name = ?").param(object).query(String.class).list();
	}

	/** (record id, object, phone field) for every stored phone equal to {@code e164} in the given objects. */
	List<String[]> phoneMatches(String e164, Collection<String> objects) {
		return jdbc.sql("SELECT record_id, object_name, field_name FROM crm_phone WHERE e164 = :e164 AND object_name IN (:objects)")
			.param("e164", e164).param("objects", objects)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
	}

	/**
	 * (record id, phone field) of numbers in {@code fields} of the object with {@code keyPrefix} where {@code digits}
	 * start a group of the number (ADR 0032), in index order; a record may appear once per field and per tail. One
	 * range read of the tail index, whose key starts with the record id's key prefix and names the field whose number
	 * the tail ends (ADR 0039), stopping at {@code maxRows}. The limit is written into the statement so that
	 * PostgreSQL plans for it even with a generic plan.
	 */
	List<String[]> phoneParts(String keyPrefix, String digits, Collection<String> fields, int maxRows) {
		return jdbc.sql("""
				SELECT record_id, field_name FROM crm_phone_tail
				WHERE tail >= :from AND tail < :to AND field_name IN (:fields)
				ORDER BY tail, record_id, field_name LIMIT\s""" + Math.max(1, maxRows))
			.param("from", keyPrefix + digits).param("to", keyPrefix + prefixEnd(digits)).param("fields", fields)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).list();
	}

	/** Inserts (record id, field, object, E.164) phone rows and the searchable tails of each record's numbers. */
	void insertPhones(List<Object[]> phones) {
		insertPhones(phones, tails(phones));
	}

	private void insertPhones(List<Object[]> phones, List<Object[]> tails) {
		bulk.insert("crm_phone", List.of("record_id", "field_name", "object_name", "e164"), phones);
		bulk.insert("crm_phone_tail", List.of("tail", "record_id", "field_name"), tails);
	}

	void deletePhones(Collection<String> recordIds) {
		List<Object[]> stored = jdbc.sql("SELECT record_id, field_name, object_name, e164 FROM crm_phone WHERE record_id IN (:ids)")
			.param("ids", recordIds).query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		// The tail index has no index by record: its rows are found again from the stored numbers.
		template.batchUpdate("DELETE FROM crm_phone_tail WHERE tail = ? AND record_id = ? AND field_name = ?", tails(stored));
		jdbc.sql("DELETE FROM crm_phone WHERE record_id IN (:ids)").param("ids", recordIds).update();
	}

	/** (key prefix + tail, record id, field) for each tail of each (record id, field, object, E.164) phone row, in key order. */
	private static List<Object[]> tails(List<Object[]> phones) {
		List<Object[]> rows = new ArrayList<>();
		for (Object[] phone : phones) {
			for (String part : PhoneParts.of((String) phone[3])) {
				rows.add(tailRow(part, (String) phone[0], (String) phone[1]));
			}
		}
		rows.sort(IN_KEY_ORDER);
		return rows;
	}

	private static Object[] tailRow(String tail, String recordId, String field) {
		return new Object[] { recordId.substring(0, RecordIds.KEY_PREFIX_LENGTH) + tail, recordId, field };
	}

	private void insertIndexes(List<StoredRecord> records, List<RecordIndexes> indexes) {
		List<Object[]> terms = new ArrayList<>();
		List<Object[]> phones = new ArrayList<>();
		List<Object[]> tails = new ArrayList<>();
		List<Object[]> refs = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			StoredRecord r = records.get(i);
			RecordIndexes ix = indexes.get(i);
			ix.terms().forEach(t -> terms.add(new Object[] { r.object(), t, r.id() }));
			ix.phones().forEach((f, e) -> phones.add(new Object[] { r.id(), f, r.object(), e }));
			ix.phoneTails().forEach((f, fieldTails) -> fieldTails.forEach(t -> tails.add(tailRow(t, r.id(), f))));
			ix.references().forEach((f, t) -> refs.add(new Object[] { r.id(), f, r.object(), t }));
		}
		terms.sort(IN_KEY_ORDER);
		tails.sort(IN_KEY_ORDER);
		bulk.insert("crm_search_term", List.of("object_name", "term", "record_id"), terms);
		insertPhones(phones, tails);
		bulk.insert("crm_reference", List.of("record_id", "field_name", "object_name", "target_id"), refs);
	}

	private void deleteIndexes(String id) {
		jdbc.sql("DELETE FROM crm_search_term WHERE record_id = ?").param(id).update();
		deletePhones(List.of(id));
		jdbc.sql("DELETE FROM crm_reference WHERE record_id = ?").param(id).update();
	}

	private StoredRecord toRecord(ResultSet rs, int row) throws SQLException {
		return new StoredRecord(rs.getString("id"), rs.getString("object_name"), rs.getString("name"),
				json.readValue(rs.getString("field_values"), DOCUMENT), rs.getString("created_by"),
				rs.getObject("created_date", OffsetDateTime.class).toInstant(), rs.getString("last_modified_by"),
				rs.getObject("last_modified_date", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}

	static String nameKey(String name) {
		String folded = SearchTerms.fold(name);
		return folded.length() > 255 ? folded.substring(0, 255) : folded;
	}

	/**
	 * The smallest string greater than every string starting with {@code prefix}: terms in
	 * [prefix, prefixEnd) are exactly those starting with it, and both databases answer the range from the index
	 * (H2 does not use an index for {@code LIKE ?} with a bound pattern).
	 */
	static String prefixEnd(String prefix) {
		int last = prefix.length() - 1;
		return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
