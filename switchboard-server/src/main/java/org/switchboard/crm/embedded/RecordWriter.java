package org.switchboard.crm.embedded;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.RecordChanged;
import org.switchboard.platform.errors.FieldProblem;

/**
 * Creates, updates and deletes records: validates everything first, then writes the record and its
 * index rows, then publishes {@link RecordChanged}. Callers run it inside one transaction.
 */
class RecordWriter {

	private final EmbeddedSchema schema;
	private final RecordTable table;
	private final RecordIds ids;
	private final ReferenceRules references;
	private final SetupRecordRules setupRules;
	private final PhoneRegion region;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RecordWriter(EmbeddedSchema schema, RecordTable table, RecordIds ids, PhoneRegion region, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.schema = schema;
		this.table = table;
		this.ids = ids;
		this.references = new ReferenceRules(table);
		this.setupRules = new SetupRecordRules(table);
		this.region = region;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	List<StoredRecord> createAll(ObjectDescription object, List<Map<String, Object>> inputs, String actorId) {
		List<Map<String, Object>> prepared = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		java.util.Set<String> batchNames = new java.util.HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			List<FieldProblem> rowProblems = new ArrayList<>();
			prepared.add(prepareNew(object, inputs.get(i), actorId, rowProblems));
			setupRules.check(object, prepared.get(i), null, batchNames, rowProblems);
			String prefix = inputs.size() == 1 ? "" : "[" + i + "].";
			rowProblems.forEach(p -> problems.add(new FieldProblem(prefix + p.field(), p.message())));
		}
		if (!problems.isEmpty()) {
			throw CrmException.invalidFields(object.name(), problems);
		}
		Instant now = clock.instant();
		List<StoredRecord> records = new ArrayList<>();
		List<RecordIndexes> indexes = new ArrayList<>();
		for (Map<String, Object> values : prepared) {
			references.checkUnique(object, values);
			assignNumbers(object, values);
			ComputedFields.compute(object.name(), values);
			records.add(new StoredRecord(ids.next(object.keyPrefix()), object.name(),
					ComputedFields.displayName(object.name(), values), values, actorId, now, actorId, now, 0));
			indexes.add(RecordIndexes.of(object, values, region.current()));
		}
		table.insertAll(records, indexes);
		records.forEach(r -> publish(r, RecordChanged.Kind.CREATED, changes(Map.of(), r.values()), actorId, now));
		return records;
	}

	StoredRecord update(ObjectDescription object, StoredRecord existing, Map<String, Object> input, String actorId) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> converted = FieldValueConverter.convert(object, input, problems);
		converted.forEach((field, value) -> {
			if (value == null && object.field(field).map(FieldDescription::required).orElse(false)) {
				problems.add(new FieldProblem(field, "is required"));
			}
		});
		Map<String, Object> values = new LinkedHashMap<>(existing.values());
		values.putAll(converted);
		values.values().removeIf(Objects::isNull);
		references.check(object, converted, values, problems);
		setupRules.check(object, converted, existing.id(), new java.util.HashSet<>(), problems);
		if (!problems.isEmpty()) {
			throw CrmException.invalidFields(object.name(), problems);
		}
		ComputedFields.compute(object.name(), values);
		Map<String, FieldChange> changes = changes(existing.values(), values);
		if (changes.isEmpty()) {
			return existing;
		}
		Instant now = clock.instant();
		StoredRecord updated = new StoredRecord(existing.id(), existing.object(),
				ComputedFields.displayName(object.name(), values), values, existing.createdBy(), existing.createdDate(),
				actorId, now, existing.version() + 1);
		table.update(updated, RecordIndexes.of(object, values, region.current()));
		publish(updated, RecordChanged.Kind.UPDATED, changes, actorId, now);
		return updated;
	}

	/** Deletes the record; records that must point at it are deleted too, optional pointers are cleared. */
	void delete(StoredRecord existing, String actorId) {
		table.delete(existing.id());
		publish(existing, RecordChanged.Kind.DELETED, changes(existing.values(), Map.of()), actorId, clock.instant());
		for (Map.Entry<String, String> pointer : table.allReferencing(existing.id())) {
			table.find(pointer.getKey()).ifPresent(dependent -> detach(dependent, pointer.getValue(), actorId));
		}
	}

	private void detach(StoredRecord dependent, String field, String actorId) {
		ObjectDescription object = schema.describe(dependent.object());
		boolean required = object.field(field).map(FieldDescription::required).orElse(false);
		if (required) {
			delete(dependent, actorId);
		}
		else {
			Map<String, Object> clear = new LinkedHashMap<>();
			clear.put(field, null);
			update(object, dependent, clear, actorId);
		}
	}

	private Map<String, Object> prepareNew(ObjectDescription object, Map<String, Object> input, String actorId,
			List<FieldProblem> problems) {
		Map<String, Object> values = FieldValueConverter.convert(object, input, problems);
		values.values().removeIf(Objects::isNull);
		references.check(object, values, values, problems);
		ComputedFields.applyDefaults(object.name(), values, object.field("OwnerId").isPresent(), actorId);
		// A value refused above (too long, not a date) is not also "required": one message per field, the right one.
		java.util.Set<String> refused = problems.stream().map(FieldProblem::field).collect(java.util.stream.Collectors.toSet());
		object.fields().stream().filter(f -> f.required() && f.updateable() && !values.containsKey(f.name()) && !refused.contains(f.name()))
			.forEach(f -> problems.add(new FieldProblem(f.name(), "is required")));
		return values;
	}

	private void assignNumbers(ObjectDescription object, Map<String, Object> values) {
		if (object.name().equals("Case")) {
			long number = jdbc.sql("SELECT NEXTVAL('crm_case_number_seq')").query(Long.class).single();
			values.put("CaseNumber", String.format("%08d", number));
		}
	}

	private void publish(StoredRecord r, RecordChanged.Kind kind, Map<String, FieldChange> changes, String actorId,
			Instant at) {
		events.publishEvent(new RecordChanged(r.object(), r.id(), kind, changes, actorId, at));
	}

	private static Map<String, FieldChange> changes(Map<String, Object> before, Map<String, Object> after) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		after.forEach((field, value) -> {
			if (!Objects.equals(before.get(field), value)) {
				changes.put(field, new FieldChange(before.get(field), value));
			}
		});
		before.forEach((field, value) -> {
			if (!after.containsKey(field)) {
				changes.put(field, new FieldChange(value, null));
			}
		});
		return changes;
	}
}
