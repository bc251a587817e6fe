package org.switchboard.crm.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.transaction.annotation.Transactional;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.PhoneMatch;
import org.switchboard.crm.PhoneNormalizer;
import org.switchboard.crm.RecordPage;
import org.switchboard.crm.RecordVersion;
import org.switchboard.platform.errors.FieldProblem;

/** The embedded CRM store: records in the product's own database. */
@Transactional(readOnly = true)
class EmbeddedCrmRecords implements CrmRecords {

	static final int MAX_PAGE = 200;
	private static final int COUNT_CAP = 1_000;

	private final EmbeddedSchema schema;
	private final RecordTable table;
	private final RecordReader reader;
	private final RecordWriter writer;
	private final PhoneRegion region;
	private final DeferredIndexes deferred;

	EmbeddedCrmRecords(EmbeddedSchema schema, RecordTable table, RecordWriter writer, PhoneRegion region, DeferredIndexes deferred) {
		this.schema = schema;
		this.table = table;
		this.reader = new RecordReader(schema, table);
		this.writer = writer;
		this.region = region;
		this.deferred = deferred;
	}

	@Override
	public CrmRecord get(String object, String id, Collection<String> fields) {
		ObjectDescription description = schema.describe(object);
		return reader.read(description, load(description, id), fields);
	}

	@Override
	public Optional<String> objectOf(String id) {
		return Optional.ofNullable(RecordIds.canonical(id)).flatMap(table::objectOf);
	}

	@Override
	public RecordPage search(String object, String query, int offset, int limit) {
		ObjectDescription description = schema.describe(object);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		int from = Math.max(0, offset);
		List<String> words = SearchTerms.queryWords(query);
		if (words.isEmpty() && query != null && !query.isBlank()) {
			return new RecordPage(List.of(), 0); // only symbols or emoji: nothing matches, rather than everything
		}
		if (words.isEmpty()) {
			return new RecordPage(readAll(description, table.list(description.name(), from, size)), table.count(description.name()));
		}
		List<String> ids = distinct(table.searchTerms(description.name(), words, (from + size) * 3), from, size);
		long total = words.size() == 1 ? table.countTerms(description.name(), words.get(0), COUNT_CAP) : ids.size() + from;
		return new RecordPage(readAll(description, ids), Math.max(total, from + ids.size()));
	}

	@Override
	public List<CrmRecord> find(String object, String query, int limit) {
		ObjectDescription description = schema.describe(object);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		List<String> words = SearchTerms.queryWords(query);
		if (words.isEmpty() && query != null && !query.isBlank()) {
			return List.of();
		}
		List<String> ids = words.isEmpty() ? table.list(description.name(), 0, size)
				: distinct(table.searchTerms(description.name(), words, size * 3), 0, size);
		return readAll(description, ids);
	}

	@Override
	public List<CrmRecord> related(String object, String referenceField, String targetId, int limit) {
		ObjectDescription description = schema.describe(object);
		String field = schema.canonicalPath(object, referenceField);
		String id = RecordIds.canonical(targetId);
		return id == null ? List.of() : readAll(description, table.referencing(description.name(), field, id, Math.min(limit, 2_000)));
	}

	@Override
	public List<CrmRecord> findByField(String object, String field, String value) {
		ObjectDescription description = schema.describe(object);
		FieldDescription f = description.field(field).filter(RecordIndexes::isSearchField)
			.orElseThrow(() -> CrmException.invalidFields(object, List.of(new FieldProblem(field, "is not a name, email or username field"))));
		String wanted = SearchTerms.fold(value);
		return readAll(description, table.exactTerm(description.name(), wanted)).stream()
			.filter(r -> wanted.equals(SearchTerms.fold(r.getString(f.name()))))
			.toList();
	}

	@Override
	public List<PhoneMatch> findByPhone(String number, Map<String, Set<String>> phoneFieldsByObject) {
		Optional<String> e164 = PhoneNormalizer.toE164(number, region.current());
		if (e164.isEmpty() || phoneFieldsByObject.isEmpty()) {
			return List.of();
		}
		Map<String, String> fieldById = new java.util.LinkedHashMap<>();
		for (String[] hit : table.phoneMatches(e164.get(), phoneFieldsByObject.keySet())) {
			if (phoneFieldsByObject.getOrDefault(hit[1], Set.of()).contains(hit[2])) {
				fieldById.putIfAbsent(hit[0], hit[2]);
			}
		}
		List<PhoneMatch> matches = new ArrayList<>();
		for (StoredRecord r : table.findAll(fieldById.keySet())) {
			matches.add(new PhoneMatch(reader.read(schema.describe(r.object()), r, List.of()), fieldById.get(r.id())));
		}
		return matches;
	}

	@Override
	public List<PhoneMatch> searchPhoneDigits(String digits, Map<String, Set<String>> phoneFieldsByObject, int limit) {
		if (digits == null || !digits.matches("[0-9]{" + PhoneParts.MIN_DIGITS + ",19}")) {
			return List.of();
		}
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		List<PhoneMatch> matches = new ArrayList<>();
		for (Map.Entry<String, Set<String>> object : phoneFieldsByObject.entrySet()) {
			if (matches.size() < size && !object.getValue().isEmpty()) {
				matches.addAll(phoneDigitMatches(schema.describe(object.getKey()), digits, object.getValue(), size, size - matches.size()));
			}
		}
		return matches;
	}

	/**
	 * The first {@code wanted} (at most {@code limit}) records of the first {@code limit} the object's tail rows give:
	 * the rows read do not depend on {@code wanted}, so the matches are the same as when the object was asked for all
	 * {@code limit}.
	 */
	private List<PhoneMatch> phoneDigitMatches(ObjectDescription object, String digits, Set<String> fields, int limit, int wanted) {
		Map<String, String> fieldById = new java.util.LinkedHashMap<>();
		for (String[] hit : table.phoneParts(object.keyPrefix(), digits, fields, limit * 4)) {
			if (fieldById.size() < wanted) {
				fieldById.putIfAbsent(hit[0], hit[1]);
			}
		}
		return table.findAll(fieldById.keySet()).stream()
			.map(r -> new PhoneMatch(reader.read(object, r, List.of()), fieldById.get(r.id())))
			.toList();
	}

	@Override
	@Transactional
	public CrmRecord create(String object, Map<String, Object> values, String actorId) {
		ObjectDescription description = schema.describe(object);
		StoredRecord created = writer.createAll(description, List.of(values), actorId).get(0);
		return reader.read(description, created, List.of());
	}

	@Override
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public void bulkLoad(Runnable load) {
		deferred.during(load);
	}

	@Override
	@Transactional
	public List<String> createAll(String object, List<Map<String, Object>> values, String actorId) {
		ObjectDescription description = schema.describe(object);
		return writer.createAll(description, values, actorId).stream().map(StoredRecord::id).toList();
	}

	@Override
	@Transactional
	public CrmRecord update(String object, String id, Map<String, Object> values, String actorId) {
		return update(object, id, values, actorId, null);
	}

	@Override
	@Transactional
	public CrmRecord update(String object, String id, Map<String, Object> values, String actorId, String expectedVersion) {
		ObjectDescription description = schema.describe(object);
		StoredRecord updated = writer.update(description, lockAt(description, id, expectedVersion), values, actorId);
		return reader.read(description, updated, List.of());
	}

	/**
	 * One query per 1,000 values: the search-term index for name and email fields, the reference index for references;
	 * any other field is compared on every record of the object.
	 */
	@Override
	public List<CrmRecord> findAllByField(String object, String field, Collection<String> values) {
		ObjectDescription description = schema.describe(object);
		FieldDescription f = description.field(field)
			.orElseThrow(() -> CrmException.invalidFields(object, List.of(new FieldProblem(field, "is not a field of " + object))));
		boolean reference = f.type() == org.switchboard.crm.FieldType.REFERENCE || f.type() == org.switchboard.crm.FieldType.ID;
		java.util.function.Function<Object, String> key = reference ? v -> RecordIds.canonical(v.toString()) : v -> SearchTerms.fold(v.toString());
		List<String> wanted = values.stream().filter(java.util.Objects::nonNull).map(key::apply)
			.filter(v -> v != null && !v.isEmpty()).distinct().sorted().toList();
		if (wanted.isEmpty()) {
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		if (!reference && !RecordIndexes.isSearchField(f)) {
			ids.addAll(table.idsOf(description.name()));
		}
		for (int from = 0; from < wanted.size() && (reference || RecordIndexes.isSearchField(f)); from += 1_000) {
			List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + 1_000));
			ids.addAll(f.type() == org.switchboard.crm.FieldType.ID ? batch
					: reference ? table.referencingAny(description.name(), f.name(), batch) : table.exactTerms(description.name(), batch));
		}
		Set<String> set = new java.util.HashSet<>(wanted);
		List<String> all = new ArrayList<>(ids);
		List<CrmRecord> found = new ArrayList<>();
		for (int from = 0; from < all.size(); from += 1_000) {
			table.findAll(all.subList(from, Math.min(all.size(), from + 1_000))).stream()
				.filter(r -> r.object().equals(description.name()))
				.filter(r -> f.type() == org.switchboard.crm.FieldType.ID ? set.contains(r.id())
						: r.values().get(f.name()) != null && set.contains(key.apply(r.values().get(f.name()))))
				.forEach(r -> found.add(reader.read(description, r, List.of())));
		}
		return found;
	}

	@Override
	@Transactional
	public void updateAll(String object, Map<String, Map<String, Object>> valuesById, String actorId) {
		ObjectDescription description = schema.describe(object);
		Map<String, StoredRecord> loaded = new java.util.HashMap<>();
		List<String> ids = valuesById.keySet().stream().map(RecordIds::canonical).filter(java.util.Objects::nonNull).toList();
		for (int from = 0; from < ids.size(); from += 1_000) {
			table.findAll(ids.subList(from, Math.min(ids.size(), from + 1_000))).forEach(r -> loaded.put(r.id(), r));
		}
		valuesById.forEach((id, values) -> {
			StoredRecord existing = loaded.get(RecordIds.canonical(id));
			if (existing == null || !existing.object().equals(description.name())) {
				throw CrmException.notFound(description.name(), id);
			}
			writer.update(description, existing, values, actorId);
		});
	}

	@Override
	@Transactional
	public void delete(String object, String id, String actorId) {
		delete(object, id, actorId, null);
	}

	@Override
	@Transactional
	public void delete(String object, String id, String actorId, String expectedVersion) {
		writer.delete(lockAt(schema.describe(object), id, expectedVersion), actorId);
	}

	/** Kept in our own database: its writes commit or roll back with the caller's transaction (ADR 0033). */
	@Override
	public boolean writesJoinOurTransaction() {
		return true;
	}

	@Override
	public RecordVersion version(String object, String id) {
		return versionOf(load(schema.describe(object), id));
	}

	/** Loads the record for a write with its row locked, refusing it when it is no longer at {@code expectedVersion}. */
	private StoredRecord lockAt(ObjectDescription object, String id, String expectedVersion) {
		StoredRecord record = Optional.ofNullable(RecordIds.canonical(id)).flatMap(table::findForUpdate)
			.filter(r -> r.object().equals(object.name()))
			.orElseThrow(() -> CrmException.notFound(object.name(), id));
		RecordVersion current = versionOf(record);
		if (!current.matches(expectedVersion)) {
			throw CrmException.stale(object.name(), record.id(), current);
		}
		return record;
	}

	private RecordVersion versionOf(StoredRecord record) {
		String modifier = record.lastModifiedBy() == null ? null
				: table.find(record.lastModifiedBy()).map(StoredRecord::name).orElse(null);
		return new RecordVersion(String.valueOf(record.version()), record.lastModifiedBy(), modifier, record.lastModifiedDate());
	}

	private StoredRecord load(ObjectDescription object, String id) {
		String canonical = RecordIds.canonical(id);
		return Optional.ofNullable(canonical).flatMap(table::find)
			.filter(r -> r.object().equals(object.name()))
			.orElseThrow(() -> CrmException.notFound(object.name(), id));
	}

	@Override
	public List<CrmRecord> recentlyModifiedBy(String userId, Collection<String> objects, int limit) {
		String user = RecordIds.canonical(userId);
		if (user == null || objects.isEmpty() || limit <= 0) {
			return List.of();
		}
		List<String> names = objects.stream().map(o -> schema.describe(o).name()).toList();
		return table.findAll(table.recentlyModifiedBy(user, names, Math.min(limit, 200))).stream()
			.map(r -> reader.read(schema.describe(r.object()), r, List.of())).toList();
	}

	private List<CrmRecord> readAll(ObjectDescription object, List<String> ids) {
		return table.findAll(ids).stream().map(r -> reader.read(object, r, List.of())).toList();
	}

	private static List<String> distinct(List<String> ids, int from, int size) {
		return new LinkedHashSet<>(ids).stream().skip(from).limit(size).toList();
	}
}
