package org.switchboard.crm.salesforce;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

import tools.jackson.databind.JsonNode;

/**
 * Turns a record of a query or search answer into a {@link CrmRecord}: nested relationship objects become
 * paths ({@code Account.Name}), numbers BigDecimal, date-times ISO instants as the embedded store gives them.
 */
final class RecordShapes {

	private static final DateTimeFormatter SALESFORCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private RecordShapes() {
	}

	static CrmRecord toRecord(ObjectDescription object, String nameField, JsonNode record, Collection<String> paths) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (String path : paths) {
			values.put(path, value(object, record, path));
		}
		JsonNode name = record.path(nameField);
		return new CrmRecord(record.path("Id").asString(), object.name(), name.isNull() || name.isMissingNode() ? null : name.asString(), values);
	}

	private static Object value(ObjectDescription object, JsonNode record, String path) {
		JsonNode node = record;
		for (String part : path.split("\\.")) {
			node = node == null || node.isNull() ? null : node.get(part);
		}
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		String text = node.asString();
		boolean dateTime = !path.contains(".") && object.field(path).map(f -> f.type() == FieldType.DATETIME).orElse(false);
		return dateTime ? instant(text) : text;
	}

	private static String instant(String text) {
		try {
			return OffsetDateTime.parse(text, SALESFORCE).toInstant().toString();
		}
		catch (DateTimeParseException e) {
			return text;
		}
	}
}
