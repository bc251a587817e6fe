package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.crm.CrmException;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.embedded.FieldValueConverter;
import org.switchboard.platform.errors.FieldProblem;

import tools.jackson.databind.JsonNode;

/**
 * Writes through sObject REST (one record) and sObject Collections (up to 200 a call, all or none). Values are
 * checked against describe first, so a bad value is refused naming every field without a call to Salesforce;
 * what only Salesforce can judge (lookups, duplicates, validation rules, FLS) comes back as its error array and
 * is mapped to the same field problems. A batch larger than one call is all-or-none too: if a later call fails,
 * the records the earlier calls created are deleted again.
 */
class SalesforceWrites {

	static final int COLLECTION_LIMIT = 200;

	private final SalesforceApi api;
	private final SalesforceBulk bulk;
	private final int bulkThreshold;

	/** @param bulkThreshold from how many records a batch create goes through Bulk API 2.0 instead of Collections (ADR 0027) */
	SalesforceWrites(SalesforceApi api, SalesforceBulk bulk, int bulkThreshold) {
		this.api = api;
		this.bulk = bulk;
		this.bulkThreshold = bulkThreshold;
	}

	/** The values as Salesforce gets them, or a 400 naming every field that is wrong. */
	Map<String, Object> checked(ObjectDescription object, Map<String, Object> values, boolean creating, String actorId, String prefix,
			List<FieldProblem> problems) {
		List<FieldProblem> found = new ArrayList<>();
		Map<String, Object> converted = FieldValueConverter.convert(object, values, found);
		if (creating) {
			// A value refused above (too long, not a date) is not also "required": one message per field.
			java.util.Set<String> refused = found.stream().map(FieldProblem::field).collect(java.util.stream.Collectors.toSet());
			object.fields().stream().filter(f -> f.required() && f.updateable() && converted.get(f.name()) == null && !refused.contains(f.name()))
				.forEach(f -> found.add(new FieldProblem(f.name(), "is required")));
			if (actorId != null && object.field("OwnerId").isPresent()) {
				converted.putIfAbsent("OwnerId", actorId);
			}
		}
		else {
			converted.forEach((field, value) -> {
				if (value == null && object.field(field).map(FieldDescription::required).orElse(false)) {
					found.add(new FieldProblem(field, "is required"));
				}
			});
		}
		found.replaceAll(p -> p.message().startsWith("unknown field") ? SalesforceErrors.invisibleField(object.name(), p.field()) : p);
		found.forEach(p -> problems.add(new FieldProblem(prefix + p.field(), p.message())));
		return converted;
	}

	String create(ObjectDescription object, Map<String, Object> values) {
		try {
			return api.post("/sobjects/" + object.name() + "/", values).path("id").asString();
		}
		catch (SalesforceApiException e) {
			throw SalesforceErrors.toCrm(object.name(), null, e, values);
		}
	}

	/**
	 * Creates all records, all or none; ids in input order. Records a stopped server's Bulk job already created for
	 * the same values are taken over first; the rest go through one Bulk API 2.0 job when there are at least
	 * {@code bulkThreshold} of them, else through Collections. If any record fails, the ones created are deleted again.
	 */
	List<String> createAll(ObjectDescription object, List<Map<String, Object>> values) {
		Map<String, java.util.Deque<String>> recovered = bulk.recover(object.name());
		String[] ids = new String[values.size()];
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			java.util.Deque<String> same = recovered.isEmpty() ? null : recovered.get(SalesforceBulk.valuesKey(values.get(i)));
			ids[i] = same == null ? null : same.poll();
			if (ids[i] == null) {
				positions.add(i);
			}
		}
		List<Map<String, Object>> rest = positions.stream().map(values::get).toList();
		List<String> taken = java.util.Arrays.stream(ids).filter(java.util.Objects::nonNull).toList();
		List<String> created;
		try {
			created = rest.size() >= bulkThreshold ? bulkCreate(object, rest, positions) : collectionsCreate(object, rest, positions);
		}
		catch (RuntimeException e) {
			undo(api, taken);
			throw e;
		}
		for (int i = 0; i < positions.size(); i++) {
			ids[positions.get(i)] = created.get(i);
		}
		return List.of(ids);
	}

	private List<String> bulkCreate(ObjectDescription object, List<Map<String, Object>> values, List<Integer> positions) {
		List<SalesforceBulk.Outcome> outcomes;
		try {
			outcomes = bulk.insert(object.name(), values);
		}
		catch (SalesforceApiException e) {
			throw SalesforceErrors.toCrm(object.name(), null, e);
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < outcomes.size(); i++) {
			problems.addAll(SalesforceErrors.problems(object.name(), "[" + positions.get(i) + "].", outcomes.get(i).errors(), values.get(i)));
		}
		List<String> ids = outcomes.stream().map(SalesforceBulk.Outcome::id).toList();
		if (!problems.isEmpty()) {
			undo(api, ids.stream().filter(java.util.Objects::nonNull).toList());
			throw CrmException.invalidFields(object.name(), problems);
		}
		return ids;
	}

	/** Through Collections, up to 200 a call, all or none across calls. */
	private List<String> collectionsCreate(ObjectDescription object, List<Map<String, Object>> values, List<Integer> positions) {
		List<String> ids = new ArrayList<>();
		for (int from = 0; from < values.size(); from += COLLECTION_LIMIT) {
			List<Map<String, Object>> chunk = values.subList(from, Math.min(values.size(), from + COLLECTION_LIMIT));
			List<Map<String, Object>> records = chunk.stream().map(v -> {
				Map<String, Object> record = new LinkedHashMap<>();
				record.put("attributes", Map.of("type", object.name()));
				record.putAll(v);
				return record;
			}).toList();
			JsonNode results;
			try {
				results = api.post("/composite/sobjects", Map.of("allOrNone", true, "records", records));
			}
			catch (SalesforceApiException e) {
				undo(api, ids);
				throw SalesforceErrors.toCrm(object.name(), null, e);
			}
			List<FieldProblem> problems = new ArrayList<>();
			int index = from;
			for (JsonNode result : results) {
				if (result.path("success").asBoolean(false)) {
					ids.add(result.path("id").asString());
				}
				else {
					List<SalesforceApiException.Error> errors = new ArrayList<>();
					result.path("errors").forEach(e -> errors.add(SalesforceApi.error(e)));
					errors.removeIf(e -> e.code().equals("ALL_OR_NONE_OPERATION_ROLLED_BACK"));
					problems.addAll(SalesforceErrors.problems(object.name(), "[" + positions.get(index) + "].", errors, values.get(index)));
				}
				index++;
			}
			if (!problems.isEmpty()) {
				undo(api, ids.subList(0, Math.min(ids.size(), from)));
				throw CrmException.invalidFields(object.name(), problems);
			}
		}
		return ids;
	}

	/**
	 * PATCHes the record; with {@code unmodifiedSince} (an HTTP date) Salesforce applies it only if the record was not
	 * modified after that date and answers 412 otherwise, which is thrown as {@link SalesforceApiException} for the
	 * caller to turn into a stale-record refusal.
	 */
	void update(ObjectDescription object, String id, Map<String, Object> values, String unmodifiedSince) {
		try {
			if (unmodifiedSince == null) {
				api.patch("/sobjects/" + object.name() + "/" + id, values);
			}
			else {
				api.patchIfUnmodifiedSince("/sobjects/" + object.name() + "/" + id, values, unmodifiedSince);
			}
		}
		catch (SalesforceApiException e) {
			if (e.status() == 412) {
				throw e;
			}
			throw SalesforceErrors.toCrm(object.name(), id, e, values);
		}
	}

	void delete(ObjectDescription object, String id) {
		try {
			api.delete("/sobjects/" + object.name() + "/" + id);
		}
		catch (SalesforceApiException e) {
			throw SalesforceErrors.toCrm(object.name(), id, e);
		}
	}

	/** Deletes records created by a batch that is not kept after all (a compensation, ADR 0018). */
	static void undo(SalesforceApi api, List<String> created) {
		for (int from = 0; from < created.size(); from += COLLECTION_LIMIT) {
			List<String> chunk = created.subList(from, Math.min(created.size(), from + COLLECTION_LIMIT));
			api.delete("/composite/sobjects?allOrNone=false&ids=" + String.join(",", chunk));
		}
	}
}
