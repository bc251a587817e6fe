package org.switchboard.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads, searches and writes records in the connected CRM, whichever backend is configured. */
public interface CrmRecords {

	/**
	 * Reads one record. {@code fields} may name relationship paths such as {@code Owner.Profile.Name};
	 * an empty collection returns every field of the object.
	 */
	CrmRecord get(String object, String id, Collection<String> fields);

	/** Resolves which object a record id belongs to. */
	Optional<String> objectOf(String id);

	/**
	 * Lists records by name, or those whose name, email or company words start with the words of {@code query}.
	 * A query with no letter or digit (symbols, emoji) matches nothing; no character is a wildcard.
	 */
	RecordPage search(String object, String query, int offset, int limit);

	/** The first {@code limit} records found as {@link #search} finds them, without counting all matches (type-ahead). */
	List<CrmRecord> find(String object, String query, int limit);

	/** Records of {@code object} whose reference field {@code referenceField} points at {@code targetId}. */
	List<CrmRecord> related(String object, String referenceField, String targetId, int limit);

	/** Records whose value of a name, email or username field equals {@code value}, ignoring case. */
	List<CrmRecord> findByField(String object, String field, String value);

	/**
	 * Records holding {@code number} in one of the given phone fields, compared as E.164 so that any
	 * formatting matches. An unparseable number matches nothing.
	 */
	List<PhoneMatch> findByPhone(String number, Map<String, Set<String>> phoneFieldsByObject);

	/**
	 * Records with a number in one of the given phone fields where {@code digits} start a group of the number, at
	 * most {@code limit} in all (the embedded store asks the objects in the map's order and stops once it has
	 * {@code limit}; ADR 0039): the country code or any group of its national format, read on to the end, as a
	 * name search matches the start of a word (ADR 0032). {@code +1 415 555 0142} is found by 14155550142, 415555,
	 * 5550142 or 0142, not by 5501; a number with no grouping (libphonenumber has no format for it) by digits from
	 * any position. At least four digits; fewer match nothing. Every adapter finds these; Salesforce's SOSL phone
	 * search may also find digits from inside a group.
	 */
	List<PhoneMatch> searchPhoneDigits(String digits, Map<String, Set<String>> phoneFieldsByObject, int limit);

	/**
	 * The records of the given objects that {@code userId} changed last, newest first (the home page's "My recent
	 * records"). The default knows none; an adapter that can ask its store by last modifier and date overrides it.
	 */
	default List<CrmRecord> recentlyModifiedBy(String userId, Collection<String> objects, int limit) {
		return List.of();
	}

	/**
	 * Runs {@code load}, which writes many new records through {@link #createAll} in its own transactions, in the
	 * store's fastest way for a load (the embedded store on H2 builds its search and number indexes once afterwards,
	 * ADR 0041). Call it outside any transaction. Reads during and after the load answer as without it. The default
	 * just runs the load.
	 */
	default void bulkLoad(Runnable load) {
		load.run();
	}

	CrmRecord create(String object, Map<String, Object> values, String actorId);

	/** Creates many records of one object, all or none; returns their ids in input order. */
	List<String> createAll(String object, List<Map<String, Object>> values, String actorId);

	CrmRecord update(String object, String id, Map<String, Object> values, String actorId);

	/**
	 * Records of {@code object} whose {@code field} equals one of {@code values} (ignoring case for text), for matching
	 * many people at once (webinar imports). The default asks {@link #findByField} once per value; stores override it
	 * with a few queries for the whole batch.
	 */
	default List<CrmRecord> findAllByField(String object, String field, Collection<String> values) {
		List<CrmRecord> found = new java.util.ArrayList<>();
		for (String value : new java.util.LinkedHashSet<>(values)) {
			found.addAll(findByField(object, field, value));
		}
		return found;
	}

	/**
	 * Updates many records of one object ({@code valuesById}: record id to the fields to change), all or none. The
	 * default calls {@link #update} per record (inside the caller's transaction where the store has one).
	 */
	default void updateAll(String object, Map<String, Map<String, Object>> valuesById, String actorId) {
		valuesById.forEach((id, values) -> update(object, id, values, actorId));
	}

	void delete(String object, String id, String actorId);

	/**
	 * Whether this store's writes join the caller's database transaction: true for a store kept in our own database
	 * (the embedded default), whose writes commit or roll back with the caller's bookkeeping; false for a remote CRM,
	 * whose writes are final once the call returns. Callers keep calls to a remote CRM outside database transactions
	 * and make a restart between the remote write and their own commit harmless instead (ADR 0033). The default is
	 * the safe side, false: a new adapter never writes inside our transaction by accident; only a store kept in our
	 * own database (the embedded one) overrides it with true.
	 */
	default boolean writesJoinOurTransaction() {
		return false;
	}

	/**
	 * The record's current version (ADR 0021). The default reads LastModifiedDate, which every adapter keeps;
	 * adapters with a cheaper or finer version (the embedded store's counter) override it.
	 */
	default RecordVersion version(String object, String id) {
		CrmRecord record = get(object, id, List.of("LastModifiedDate", "LastModifiedById", "LastModifiedBy.Name"));
		String modified = record.getString("LastModifiedDate");
		return new RecordVersion(modified, record.getString("LastModifiedById"), record.getString("LastModifiedBy.Name"),
				RecordVersion.parseInstant(modified));
	}

	/**
	 * Updates only if the record is still at {@code expectedVersion} (a tag from {@link #version}; null or
	 * {@code *} skips the check), else throws {@link StaleRecordException} and saves nothing. The default checks
	 * then writes, which leaves a short race; adapters that can check and write atomically override it
	 * (the embedded store does; Salesforce can send If-Unmodified-Since with the PATCH).
	 */
	default CrmRecord update(String object, String id, Map<String, Object> values, String actorId, String expectedVersion) {
		requireVersion(object, id, expectedVersion);
		return update(object, id, values, actorId);
	}

	/** Deletes only if the record is still at {@code expectedVersion}, as {@link #update(String, String, Map, String, String)}. */
	default void delete(String object, String id, String actorId, String expectedVersion) {
		requireVersion(object, id, expectedVersion);
		delete(object, id, actorId);
	}

	private void requireVersion(String object, String id, String expectedVersion) {
		if (expectedVersion != null && !expectedVersion.equals("*")) {
			RecordVersion current = version(object, id);
			if (!current.matches(expectedVersion)) {
				throw new StaleRecordException(object, id, current);
			}
		}
	}
}
