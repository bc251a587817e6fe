package org.switchboard.webinars;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;

import tools.jackson.databind.json.JsonMapper;

/** The import mappings, one per target object, checked against the CRM's describe before anything is saved. */
@Service
public class ImportMappings {

	private final JdbcClient jdbc;
	private final CrmSchema schema;
	private final WebinarMemberObject members;
	private final TransactionTemplate transactions;
	private final JsonMapper json;
	private final Clock clock;

	ImportMappings(JdbcClient jdbc, CrmSchema schema, WebinarMemberObject members, TransactionTemplate transactions, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.schema = schema;
		this.members = members;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	public List<ImportMapping> all() {
		return jdbc.sql("SELECT mapping FROM webinar_import_mapping ORDER BY object_name").query(String.class).list().stream()
			.map(this::read).toList();
	}

	public Optional<ImportMapping> of(String object) {
		Optional<ObjectDescription> found = schema.find(object);
		return found.flatMap(o -> jdbc.sql("SELECT mapping FROM webinar_import_mapping WHERE object_name = ?").param(o.name())
			.query(String.class).optional().map(this::read));
	}

	/**
	 * Saves the mapping of {@code object} (400 naming every problem, nothing saved). Changing the primary key of a saved
	 * mapping needs {@code confirmed}: records imported before keep their old key, so later imports may duplicate them.
	 */
	public ImportMapping save(String object, ImportMapping requested, boolean confirmed, String actorId) {
		ObjectDescription target = schema.describe(object);
		ImportMapping mapping = MappingRules.check(target, requested);
		Optional<ImportMapping> previous = of(target.name());
		if (previous.isPresent() && !previous.get().primaryKey().equals(mapping.primaryKey()) && !confirmed) {
			throw new ProblemException(409, "Primary key change needs confirmation",
					"Changing the primary key from " + previous.get().primaryKey() + " to " + mapping.primaryKey()
							+ ": records already imported keep their old key, so later imports may create duplicates of them."
							+ " Send confirm=true to change it.",
					List.of(new FieldProblem("primaryKey", "changes from " + previous.get().primaryKey() + "; confirm to change it")));
		}
		if (mapping.toWebinarMembers()) {
			members.ensure();
		}
		String text = json.writeValueAsString(mapping);
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("DELETE FROM webinar_import_mapping WHERE object_name = ?").param(target.name()).update();
			jdbc.sql("INSERT INTO webinar_import_mapping (object_name, mapping, updated_by, updated_date) VALUES (?, ?, ?, ?)")
				.params(target.name(), text, actorId, clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
		});
		return mapping;
	}

	public void delete(String object) {
		ObjectDescription target = schema.describe(object);
		if (jdbc.sql("DELETE FROM webinar_import_mapping WHERE object_name = ?").param(target.name()).update() == 0) {
			throw ProblemException.notFound("There is no import mapping for " + target.name());
		}
	}

	ImportMapping read(String text) {
		return json.readValue(text, ImportMapping.class);
	}

	String write(ImportMapping mapping) {
		return json.writeValueAsString(mapping);
	}
}
