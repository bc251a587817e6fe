package org.switchboard.crm.embedded;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CustomFieldDefinition;
import org.switchboard.crm.CustomObjectDefinition;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;

/** Stores custom objects and fields. */
class CustomDefinitions {

	static final String LIST_SEPARATOR = "\n";

	private final JdbcClient jdbc;

	CustomDefinitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static FieldDescription toField(CustomFieldDefinition d) {
		String label = d.label() == null || d.label().isBlank() ? Labels.fromApiName(d.name()) : d.label().trim();
		return new FieldDescription(d.name(), label, FieldType.fromApiName(d.type()), true, d.referenceTo(),
				d.picklistValues(), d.required(), true);
	}

	void insertObject(CustomObjectDefinition d, String keyPrefix, Instant now) {
		String label = d.label() == null || d.label().isBlank() ? Labels.fromApiName(d.name()) : d.label().trim();
		String plural = d.labelPlural() == null || d.labelPlural().isBlank() ? label + "s" : d.labelPlural().trim();
		jdbc.sql("INSERT INTO crm_custom_object (name, label, plural_label, key_prefix, created_date) VALUES (?, ?, ?, ?, ?)")
			.params(d.name(), label, plural, keyPrefix, now.atOffset(ZoneOffset.UTC))
			.update();
	}

	void insertField(String object, FieldDescription f, Instant now) {
		jdbc.sql("""
				INSERT INTO crm_custom_field (object_name, name, label, type, reference_to, picklist_values, required, created_date)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(object, f.name(), f.label(), f.type().apiName(), String.join(LIST_SEPARATOR, f.referenceTo()),
					String.join(LIST_SEPARATOR, f.picklistValues()), f.required(), now.atOffset(ZoneOffset.UTC))
			.update();
	}

	int countObjects() {
		return jdbc.sql("SELECT COUNT(*) FROM crm_custom_object").query(Integer.class).single();
	}

	List<ObjectDescription> loadObjects() {
		return jdbc.sql("SELECT name, label, plural_label, key_prefix FROM crm_custom_object ORDER BY name")
			.query((rs, i) -> customObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	Map<String, List<FieldDescription>> loadFields() {
		Map<String, List<FieldDescription>> byObject = new LinkedHashMap<>();
		jdbc.sql("SELECT object_name, name, label, type, reference_to, picklist_values, required FROM crm_custom_field ORDER BY created_date, name")
			.query(rs -> {
				FieldDescription field = new FieldDescription(rs.getString(2), rs.getString(3),
						FieldType.fromApiName(rs.getString(4)), true, split(rs.getString(5)), split(rs.getString(6)),
						rs.getBoolean(7), true);
				byObject.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(field);
			});
		return byObject;
	}

	private static ObjectDescription customObject(String name, String label, String plural, String prefix) {
		ObjectDescription base = ObjectSpec.object(name, label, plural, prefix)
			.required("Name", FieldType.STRING)
			.withOwnerAndAudit();
		return new ObjectDescription(base.name(), base.label(), base.labelPlural(), true, prefix, base.fields());
	}

	private static List<String> split(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR));
	}
}
