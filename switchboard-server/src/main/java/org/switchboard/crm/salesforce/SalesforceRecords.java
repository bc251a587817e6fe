package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.PhoneMatch;
import org.switchboard.crm.RecordPage;
import org.switchboard.crm.embedded.SearchTerms;
import org.switchboard.crm.RecordVersion;
import org.switchboard.platform.errors.FieldProblem;

/**
 * The CRM port on a Salesforce org through its REST API (v66.0): SOQL for reads with relationship paths, SOSL for
 * name search, type-ahead and phone lookup, sObject REST and Collections for writes. {@link RecordChanged} for the
 * adapter's own writes is published once Salesforce accepted them; changes made elsewhere arrive through Change
 * Data Capture (see ADR 0018).
 */
class SalesforceRecords implements CrmRecords {

	static final int MAX_PAGE = 200;
	private static final int SOSL_MAX = 2000;
	private static final int IN_GROUP = 100;
	private static final Set<FieldType> IN_TYPES = Set.of(FieldType.STRING, FieldType.EMAIL, FieldType.PHONE, FieldType.ID, FieldType.REFERENCE);

	private final SalesforceSchema schema;
	private final SalesforceReads reads;
	private final SalesforceWrites writes;
	private final SalesforcePhones phones;
	private final ChangePublisher changes;

	SalesforceRecords(SalesforceSchema schema, SalesforceReads reads, SalesforceWrites writes, SalesforcePhones phones, ChangePublisher changes) {
		this.schema = schema;
		this.reads = reads;
		this.writes = writes;
		this.phones = phones;
		this.changes = changes;
	}

	@Override
	public CrmRecord get(String object, String id, Collection<String> fields) {
		ObjectDescription description = schema.describe(object);
		List<String> paths = fields.isEmpty() ? SalesforceReads.allFields(description)
				: fields.stream().map(f -> schema.canonicalPath(description.name(), f.trim())).distinct().toList();
		if (!Soql.isId(id)) {
			throw CrmException.notFound(description.name(), id);
		}
		return reads.query(description, paths, " WHERE Id = " + Soql.literal(id)).stream().findFirst()
			.orElseThrow(() -> CrmException.notFound(description.name(), id));
	}

	@Override
	public Optional<String> objectOf(String id) {
		return Soql.isId(id) ? schema.objectOfId(id) : Optional.empty();
	}

	@Override
	public RecordPage search(String object, String query, int offset, int limit) {
		ObjectDescription description = schema.describe(object);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		int from = Math.max(0, Math.min(offset, SOSL_MAX));
		List<String> words = words(query);
		if (words.isEmpty()) {
			List<CrmRecord> page = reads.query(description, SalesforceReads.allFields(description), " ORDER BY "
					+ schema.nameField(description.name()) + " LIMIT " + size + " OFFSET " + from);
			return new RecordPage(page, reads.count(description));
		}
		List<CrmRecord> hits = searchWords(description, query, words, SOSL_MAX, SOSL_MAX);
		return new RecordPage(hits.subList(Math.min(from, hits.size()), Math.min(hits.size(), from + size)), hits.size());
	}

	@Override
	public List<CrmRecord> find(String object, String query, int limit) {
		ObjectDescription description = schema.describe(object);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		List<String> words = words(query);
		return words.isEmpty() ? reads.query(description, SalesforceReads.allFields(description), " ORDER BY "
				+ schema.nameField(description.name()) + " LIMIT " + size) : searchWords(description, query, words, Math.min(MAX_PAGE, size * 5), size);
	}

	/**
	 * SOQL per object: {@code WHERE LastModifiedById = :user ORDER BY LastModifiedDate DESC LIMIT n}, merged newest first.
	 * {@code userId} is a Salesforce user id: writes made through the integration are recorded as its integration user.
	 */
	@Override
	public List<CrmRecord> recentlyModifiedBy(String userId, Collection<String> objects, int limit) {
		if (userId == null || !Soql.isId(userId) || objects.isEmpty() || limit < 1) {
			return List.of();
		}
		int size = Math.min(limit, MAX_PAGE);
		List<CrmRecord> found = new ArrayList<>();
		for (String object : objects) {
			ObjectDescription description = schema.describe(object);
			List<String> paths = new ArrayList<>(SalesforceReads.allFields(description));
			if (!paths.contains("LastModifiedDate")) {
				paths.add("LastModifiedDate");
			}
			found.addAll(reads.query(description, paths, " WHERE LastModifiedById = " + Soql.literal(userId)
					+ " ORDER BY LastModifiedDate DESC LIMIT " + size));
		}
		found.sort(java.util.Comparator.comparing((CrmRecord r) -> String.valueOf(r.get("LastModifiedDate"))).reversed());
		return List.copyOf(found.subList(0, Math.min(size, found.size())));
	}

	@Override
	public List<CrmRecord> related(String object, String referenceField, String targetId, int limit) {
		ObjectDescription description = schema.describe(object);
		String field = schema.canonicalPath(description.name(), referenceField);
		return !Soql.isId(targetId) ? List.of() : reads.query(description, SalesforceReads.allFields(description),
				" WHERE " + field + " = " + Soql.literal(targetId) + " LIMIT " + Math.min(limit, 2_000));
	}

	@Override
	public List<CrmRecord> findByField(String object, String field, String value) {
		ObjectDescription description = schema.describe(object);
		FieldDescription f = description.field(field).filter(d -> d.type() == FieldType.STRING || d.type() == FieldType.EMAIL)
			.orElseThrow(() -> CrmException.invalidFields(object, List.of(new FieldProblem(field, "is not a name, email or username field"))));
		return value == null ? List.of() : reads.query(description, SalesforceReads.allFields(description),
				" WHERE " + f.name() + " = " + Soql.literal(value));
	}

	/**
	 * {@code WHERE field IN (…)}, 100 values a query (the query travels in the URL, which Salesforce caps at 16,384
	 * characters). Text comparison in SOQL ignores case, as the port promises; reference and id fields compare ids.
	 */
	@Override
	public List<CrmRecord> findAllByField(String object, String field, Collection<String> values) {
		ObjectDescription description = schema.describe(object);
		FieldDescription f = description.field(field).filter(d -> IN_TYPES.contains(d.type()))
			.orElseThrow(() -> CrmException.invalidFields(object, List.of(new FieldProblem(field, "is not a text, email, phone, id or reference field"))));
		boolean ids = f.type() == FieldType.ID || f.type() == FieldType.REFERENCE;
		List<String> wanted = values.stream().filter(java.util.Objects::nonNull).filter(v -> !ids || Soql.isId(v)).distinct().toList();
		List<CrmRecord> found = new ArrayList<>();
		for (int from = 0; from < wanted.size(); from += IN_GROUP) {
			String list = String.join(", ", wanted.subList(from, Math.min(wanted.size(), from + IN_GROUP)).stream().map(Soql::literal).toList());
			found.addAll(reads.query(description, SalesforceReads.allFields(description), " WHERE " + f.name() + " IN (" + list + ")"));
		}
		return found;
	}

	@Override
	public List<PhoneMatch> findByPhone(String number, Map<String, Set<String>> phoneFieldsByObject) {
		return phones.findByPhone(number, phoneFieldsByObject);
	}

	@Override
	public List<PhoneMatch> searchPhoneDigits(String digits, Map<String, Set<String>> phoneFieldsByObject, int limit) {
		return phones.searchDigits(digits, phoneFieldsByObject, limit);
	}

	@Override
	public CrmRecord create(String object, Map<String, Object> values, String actorId) {
		ObjectDescription description = schema.describe(object);
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> checked = writes.checked(description, values, true, actorId, "", problems);
		if (!problems.isEmpty()) {
			throw CrmException.invalidFields(description.name(), problems);
		}
		CrmRecord created = get(description.name(), writes.create(description, checked), List.of());
		changes.created(description.name(), created.id(), created.fields(), actorId);
		return created;
	}

	@Override
	public List<String> createAll(String object, List<Map<String, Object>> values, String actorId) {
		ObjectDescription description = schema.describe(object);
		List<FieldProblem> problems = new ArrayList<>();
		List<Map<String, Object>> checked = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			checked.add(writes.checked(description, values.get(i), true, actorId, "[" + i + "].", problems));
		}
		if (!problems.isEmpty()) {
			throw CrmException.invalidFields(description.name(), problems);
		}
		List<String> ids = writes.createAll(description, checked);
		for (int i = 0; i < ids.size(); i++) {
			Map<String, Object> created = new java.util.LinkedHashMap<>(checked.get(i));
			created.put("Id", ids.get(i));
			changes.created(description.name(), ids.get(i), created, actorId);
		}
		return ids;
	}

	@Override
	public CrmRecord update(String object, String id, Map<String, Object> values, String actorId) {
		return update(object, id, values, actorId, null);
	}

	/**
	 * Compares the version read before the write (ADR 0021), then PATCHes with {@code If-Unmodified-Since} set to the
	 * expected LastModifiedDate, so a change made between that read and the PATCH is refused by Salesforce (412) too:
	 * both end as {@link org.switchboard.crm.StaleRecordException}, nothing saved. (Salesforce documents the header
	 * for PATCH, not DELETE: a conditional delete keeps the port's read-compare-delete.)
	 */
	@Override
	public CrmRecord update(String object, String id, Map<String, Object> values, String actorId, String expectedVersion) {
		ObjectDescription description = schema.describe(object);
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> checked = writes.checked(description, values, false, actorId, "", problems);
		if (!problems.isEmpty()) {
			throw CrmException.invalidFields(description.name(), problems);
		}
		CrmRecord before = get(description.name(), id, List.of());
		String since = null;
		if (expectedVersion != null && !expectedVersion.equals("*")) {
			RecordVersion current = version(description.name(), before.id());
			if (!current.matches(expectedVersion)) {
				throw CrmException.stale(description.name(), before.id(), current);
			}
			since = httpDate(expectedVersion);
		}
		try {
			writes.update(description, before.id(), checked, since);
		}
		catch (SalesforceApiException preconditionFailed) {
			throw CrmException.stale(description.name(), before.id(), version(description.name(), before.id()));
		}
		CrmRecord after = get(description.name(), before.id(), List.of());
		changes.updated(before, after, actorId);
		return after;
	}

	/** A LastModifiedDate tag as the HTTP date If-Unmodified-Since wants (one-second grain, ADR 0021). */
	private static String httpDate(String tag) {
		java.time.Instant modified = RecordVersion.parseInstant(tag);
		if (modified == null) {
			throw CrmException.invalidFields("record", List.of(new FieldProblem("version", "'" + tag + "' is not a version of this record")));
		}
		return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(java.time.ZoneOffset.UTC));
	}

	@Override
	public void delete(String object, String id, String actorId) {
		ObjectDescription description = schema.describe(object);
		CrmRecord before = get(description.name(), id, List.of());
		writes.delete(description, before.id());
		changes.deleted(before, actorId);
	}

	/**
	 * SOSL finds the words in any text field (a Title, a street); the port finds by name, email and company words only,
	 * so every hit is checked again as the embedded store finds, from {@code fetch} hits ordered by name.
	 */
	private List<CrmRecord> searchWords(ObjectDescription object, String query, List<String> words, int fetch, int limit) {
		List<String> searchFields = object.fields().stream().filter(SearchTerms::isSearchField).map(FieldDescription::name).toList();
		return reads.search("FIND {" + Soql.soslPrefixTerms(words) + "} IN ALL FIELDS RETURNING " + reads.returning(object, fetch))
			.stream().map(reads::toRecord)
			.filter(r -> SearchTerms.matches(searchFields.stream().map(r::getString).filter(java.util.Objects::nonNull).toList(), query))
			.limit(limit).toList();
	}

	private static List<String> words(String query) {
		return query == null || query.isBlank() ? List.of()
				: Arrays.stream(query.strip().toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
	}
}
