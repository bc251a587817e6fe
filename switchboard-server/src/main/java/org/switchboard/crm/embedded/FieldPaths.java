package org.switchboard.crm.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.switchboard.crm.CrmException;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.names.ApiNames;

/**
 * Checks field names and relationship paths such as {@code Owner.Profile.Name} or {@code Who.Name}
 * against the schema, and spells them canonically. A polymorphic relationship accepts a field that
 * exists on any of its targets.
 */
public final class FieldPaths {

	/** Salesforce follows at most five relationships from a record; a longer path names nothing. */
	static final int MAX_RELATIONSHIPS = 5;
	private static final int MAX_LENGTH = (MAX_RELATIONSHIPS + 1) * (ApiNames.MAX_LENGTH + 1);

	private final java.util.function.Function<String, Optional<ObjectDescription>> schema;

	/** {@code schema} finds an object by API name, as {@link org.switchboard.crm.CrmSchema#find} does. */
	public FieldPaths(java.util.function.Function<String, Optional<ObjectDescription>> schema) {
		this.schema = schema;
	}

	public String canonical(ObjectDescription object, String path) {
		Optional<String> resolved = path == null || path.length() > MAX_LENGTH ? Optional.empty()
				: resolve(List.of(object), path, 0);
		return resolved.orElseThrow(() -> {
			String shown = ApiNames.abbreviate(path);
			return CrmException.invalidFields(object.name(),
					List.of(new FieldProblem(shown, "unknown field or relationship path '" + shown + "' on " + object.name())));
		});
	}

	private Optional<String> resolve(List<ObjectDescription> objects, String path, int depth) {
		int dot = path.indexOf('.');
		if (dot >= 0 && depth == MAX_RELATIONSHIPS) {
			return Optional.empty();
		}
		if (dot < 0) {
			return objects.stream().flatMap(o -> o.field(path).stream()).map(FieldDescription::name).findFirst();
		}
		String relationship = path.substring(0, dot);
		Optional<FieldDescription> reference = objects.stream().flatMap(o -> o.relationship(relationship).stream()).findFirst();
		if (reference.isEmpty()) {
			return Optional.empty();
		}
		List<ObjectDescription> targets = new ArrayList<>();
		reference.get().referenceTo().forEach(t -> schema.apply(t).ifPresent(targets::add));
		return resolve(targets, path.substring(dot + 1), depth + 1).map(rest -> reference.get().relationshipName() + "." + rest);
	}
}
