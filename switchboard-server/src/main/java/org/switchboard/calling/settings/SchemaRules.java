package org.switchboard.calling.settings;

import java.util.List;
import java.util.Optional;

import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/** Checks settings values against the CRM's describe, collecting every problem rather than the first. */
final class SchemaRules {

	private final CrmSchema schema;
	private final List<FieldProblem> problems = new java.util.ArrayList<>();

	SchemaRules(CrmSchema schema) {
		this.schema = schema;
	}

	Optional<ObjectDescription> object(String where, String object) {
		Optional<ObjectDescription> found = schema.objects().stream().filter(o -> o.name().equals(object)).findFirst();
		if (found.isEmpty()) {
			problem(where, "'" + object + "' is not an object of the CRM");
		}
		return found;
	}

	Optional<FieldDescription> field(String where, ObjectDescription object, String field) {
		Optional<FieldDescription> found = object.fields().stream().filter(f -> f.name().equals(field)).findFirst();
		if (found.isEmpty()) {
			problem(where, "'" + field + "' is not a field of " + object.name());
		}
		return found;
	}

	/** Settings keep names exactly as the describe spells them, so that later lookups compare one canonical form. */
	void path(String where, ObjectDescription object, String path) {
		try {
			String canonical = schema.canonicalPath(object.name(), path);
			if (!canonical.equals(path)) {
				problem(where, "write it as '" + canonical + "', as the describe of " + object.name() + " spells it");
			}
		}
		catch (ProblemException e) {
			problem(where, "'" + path + "' is not a field or relationship path of " + object.name());
		}
	}

	void problem(String field, String message) {
		problems.add(new FieldProblem(field, message));
	}

	void throwIfAny(String section) {
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid settings", "The " + section + " settings are invalid: "
					+ problems.get(0).field() + " " + problems.get(0).message(), problems);
		}
	}
}
