package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;

import tools.jackson.databind.JsonNode;

/** Runs SOQL and SOSL and maps the answers to records, following {@code nextRecordsUrl} until done. */
class SalesforceReads {

	private final SalesforceApi api;
	private final SalesforceSchema schema;

	SalesforceReads(SalesforceApi api, SalesforceSchema schema) {
		this.api = api;
		this.schema = schema;
	}

	static List<String> allFields(ObjectDescription object) {
		return object.fields().stream().map(FieldDescription::name).toList();
	}

	/** {@code SELECT paths FROM object <tail>}, every page; records carry exactly {@code paths}. */
	List<CrmRecord> query(ObjectDescription object, Collection<String> paths, String tail) {
		String nameField = schema.nameField(object.name());
		Set<String> select = new LinkedHashSet<>(List.of("Id", nameField));
		select.addAll(paths);
		List<CrmRecord> records = new ArrayList<>();
		JsonNode page = get(object.name(), Soql.queryPath(Soql.select(select, object.name()) + tail));
		while (true) {
			page.path("records").forEach(r -> records.add(RecordShapes.toRecord(object, nameField, r, paths)));
			if (page.path("done").asBoolean(true) || page.path("nextRecordsUrl").isMissingNode()) {
				return records;
			}
			page = get(object.name(), page.path("nextRecordsUrl").asString());
		}
	}

	long count(ObjectDescription object) {
		return get(object.name(), Soql.queryPath("SELECT COUNT() FROM " + object.name())).path("totalSize").asLong();
	}

	/** Runs a SOSL statement; each hit is returned as its JSON (type in {@code attributes.type}). */
	List<JsonNode> search(String sosl) {
		List<JsonNode> hits = new ArrayList<>();
		get("search", Soql.searchPath(sosl)).path("searchRecords").forEach(hits::add);
		return hits;
	}

	private JsonNode get(String object, String path) {
		try {
			return api.get(path);
		}
		catch (SalesforceApiException e) {
			throw SalesforceErrors.toCrm(object, null, e);
		}
	}

	/** {@code Object(all fields ORDER BY name LIMIT n)} for a RETURNING clause. */
	String returning(ObjectDescription object, int limit) {
		return object.name() + "(" + String.join(", ", allFields(object)) + " ORDER BY " + schema.nameField(object.name()) + " LIMIT " + limit + ")";
	}

	CrmRecord toRecord(JsonNode hit) {
		ObjectDescription object = schema.describe(hit.path("attributes").path("type").asString());
		return RecordShapes.toRecord(object, schema.nameField(object.name()), hit, allFields(object));
	}
}
