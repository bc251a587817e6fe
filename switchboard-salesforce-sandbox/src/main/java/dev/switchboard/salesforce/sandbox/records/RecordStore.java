package dev.switchboard.salesforce.sandbox.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.switchboard.salesforce.pubsub.RecordChange;
import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;
import dev.switchboard.salesforce.sandbox.schema.Schema;

/**
 * The org's records in memory. Every write runs in a transaction that either commits whole or leaves nothing
 * behind; after a commit each listener gets one {@link RecordChange} per record written, in commit order.
 */
public final class RecordStore {

	private final Schema schema;
	private final Ids ids = new Ids();
	private final List<Consumer<RecordChange>> listeners = new CopyOnWriteArrayList<>();
	private final Object lock = new Object();
	private Map<String, Map<String, Object>> records = new LinkedHashMap<>();
	private volatile java.time.Duration ahead = java.time.Duration.ZERO;

	public RecordStore(Schema schema) {
		this.schema = schema;
	}

	public Schema schema() {
		return schema;
	}

	/** Called after every committed write (REST, Collections, Bulk), in commit order, with the store locked. */
	public void onChange(Consumer<RecordChange> listener) {
		listeners.add(listener);
	}

	/** The record with this id (15 or 18 characters, any case for 18), as stored. */
	public Optional<Map<String, Object>> find(String id) {
		String canonical = Ids.canonical(id);
		synchronized (lock) {
			return Optional.ofNullable(canonical == null ? null : records.get(canonical)).map(LinkedHashMap::new);
		}
	}

	public List<Map<String, Object>> all(String object) {
		synchronized (lock) {
			return records.values().stream().filter(r -> object.equals(type(r))).map(r -> (Map<String, Object>) new LinkedHashMap<>(r)).toList();
		}
	}

	public static String type(Map<String, Object> record) {
		return (String) record.get("attributes.type");
	}

	/** Runs {@code work} as one transaction by {@code userId}: anything it throws rolls every write of it back. */
	public <T> T transaction(String userId, Function<Writes, T> work) {
		return transaction(userId, "", work);
	}

	/**
	 * As {@link #transaction(String, Function)}, for a call that named itself with {@code changeOrigin} (the
	 * change events' header, e.g. {@code com/salesforce/api/rest/66.0;client=switchboard}).
	 */
	public <T> T transaction(String userId, String changeOrigin, Function<Writes, T> work) {
		synchronized (lock) {
			Map<String, Map<String, Object>> before = new LinkedHashMap<>(records);
			Writes writes = new Writes(this, userId);
			try {
				T result = work.apply(writes);
				List<RecordChange> committed = writes.changes(UUID.randomUUID().toString(), now().toEpochMilli(), changeOrigin);
				committed.forEach(change -> listeners.forEach(l -> l.accept(change)));
				return result;
			}
			catch (RuntimeException e) {
				records = before;
				throw e;
			}
		}
	}

	/** The org's time: the system clock, moved ahead by {@link #moveClockAhead}. */
	public Instant now() {
		return Instant.now().plus(ahead);
	}

	/** Moves the org's clock ahead (never back), so the next writes are stamped later: ordering without sleeping. */
	public void moveClockAhead(java.time.Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("the org's clock only moves ahead");
		}
		ahead = ahead.plus(by);
	}

	Ids ids() {
		return ids;
	}

	Map<String, Map<String, Object>> records() {
		return records;
	}

	/** The stored record of {@code object} with this id, or Salesforce's 404. */
	Map<String, Object> require(ObjectSpec object, String id) {
		String canonical = Ids.canonical(id);
		Map<String, Object> record = canonical == null ? null : records.get(canonical);
		if (record == null || !object.name().equals(type(record))) {
			throw SfError.of(404, canonical == null ? "MALFORMED_ID" : "NOT_FOUND",
					canonical == null ? object.name() + " ID: id value of incorrect type: " + id : "The requested resource does not exist");
		}
		return record;
	}

	List<Map<String, Object>> referencing(String id) {
		List<Map<String, Object>> found = new ArrayList<>();
		for (Map<String, Object> r : records.values()) {
			if (r.values().stream().anyMatch(id::equals) && !id.equals(r.get("Id"))) {
				found.add(r);
			}
		}
		return found;
	}
}
