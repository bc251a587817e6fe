package org.switchboard.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin console's settings document: one section per feature, each validated by its owner and audited. */
@Service
public class AdminSettings {

	private final Map<String, SettingsSection<?>> sections = new LinkedHashMap<>();
	private final SettingsStore store;
	private final AuditLog audit;
	private final JsonMapper json;

	private final TransactionTemplate transactions;

	AdminSettings(List<SettingsSection<?>> sections, SettingsStore store, AuditLog audit, JsonMapper json,
			TransactionTemplate transactions) {
		sections.forEach(s -> this.sections.put(s.name(), s));
		this.store = store;
		this.audit = audit;
		this.json = json;
		this.transactions = transactions;
	}

	public Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		sections.values().forEach(s -> document.put(s.name(), store.read(s)));
		return document;
	}

	public Object section(String name) {
		return store.read(require(name));
	}

	/** Parses, runs the section's remote checks, then validates, saves and audits in one transaction. */
	public void replace(String name, JsonNode value, String actor) {
		replaceTyped(require(name), value, actor);
	}

	public List<AuditEntry> recentAudit(int limit) {
		return audit.recent(limit);
	}

	private <T> void replaceTyped(SettingsSection<T> section, JsonNode value, String actor) {
		T typed = parse(section, value);
		section.validate(typed);
		section.checkOutsideTransaction(typed);
		transactions.executeWithoutResult(tx -> {
			T previous = store.replace(section, typed, actor);
			String before = json.writeValueAsString(previous);
			String after = json.writeValueAsString(typed);
			if (!before.equals(after)) {
				audit.record(actor, "settings.replace", section.name(), before, after);
			}
		});
	}

	private <T> T parse(SettingsSection<T> section, JsonNode value) {
		if (value == null || !value.isContainer()) {
			throw ProblemException.badRequest("The " + section.name() + " section must be a JSON object or array",
					new FieldProblem(section.name(), "must be a JSON object or array"));
		}
		try {
			return json.readerFor(section.type()).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(value);
		}
		catch (JacksonException e) {
			String field = e.getPath().isEmpty() ? section.name() : e.getPath().get(e.getPath().size() - 1).getPropertyName();
			throw ProblemException.badRequest("The " + section.name() + " section has an invalid value for '" + field + "'",
					new FieldProblem(String.valueOf(field), "has the wrong type or is not a known setting"));
		}
	}

	private SettingsSection<?> require(String name) {
		SettingsSection<?> section = sections.get(name);
		if (section == null) {
			throw ProblemException.notFound("There is no settings section '" + name + "'; known sections: " + sections.keySet());
		}
		return section;
	}
}
