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
	private final SalesforceSchema schema;

	SalesforceWrites(SalesforceApi api, SalesforceSchema schema) {
		this.api = api;
		this.schema = schema;
	}

	/** The values as Salesforce gets them, or a 400 naming every field that is wrong. */
	Map<String, Object> checked(ObjectDescription object, Map<String, Object> values, boolean creating, String actorId, String prefix,
			List<FieldProblem> problems) {
		List<FieldProblem> found = new ArrayList<>();
		Map<String, Object> converted = FieldValueConverter.convert(object, values, found);
		if (creating) {
			object.fields().stream().filter(f -> f.required() && f.updateable() && converted.get(f.name()) == null)
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
		found.forEach(p -> problems.add(new FieldProblem(prefix + p.field(), p.message())));
		return converted;
	}

	String create(ObjectDescription object, Map<String, Object> values) {
		try {
			return api.post("/sobjects/" + object.name() + "/", values).path("id").asString();
		}
		catch (SalesforceApiException e) {
			throw SalesforceErrors.toCrm(object.name(), null, e);
		}
	}

	/** Creates all records, all or none, through Collections; ids in input order. */
	List<String> createAll(ObjectDescription object, List<Map<String, Object>> values) {
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
				undo(ids);
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
					problems.addAll(SalesforceErrors.problems("[" + index + "].", errors));
				}
				index++;
			}
			if (!problems.isEmpty()) {
				undo(ids.subList(0, Math.min(ids.size(), from)));
				throw CrmException.invalidFields(object.name(), problems);
			}
		}
		return ids;
	}

	void update(ObjectDescription object, String id, Map<String, Object> values) {
		try {
			api.patch("/sobjects/" + object.name() + "/" + id, values);
		}
		catch (SalesforceApiException e) {
			throw SalesforceErrors.toCrm(object.name(), id, e);
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

	private void undo(List<String> created) {
		for (int from = 0; from < created.size(); from += COLLECTION_LIMIT) {
			List<String> chunk = created.subList(from, Math.min(created.size(), from + COLLECTION_LIMIT));
			api.delete("/composite/sobjects?allOrNone=false&ids=" + String.join(",", chunk));
		}
	}
}
