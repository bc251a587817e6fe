package org.switchboard.workspace.web;

import java.util.List;

import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.FieldDescription;

/**
 * A reference field shown as a picker: the objects it may point to (several for Who/What), the chosen one, and the
 * chosen record's id (submitted) and name (shown). Never a raw id in front of the user.
 */
record Lookup(String object, String field, String label, List<String> targets, String target, String id, String name,
		boolean required) {

	public boolean polymorphic() {
		return targets.size() > 1;
	}

	/** The picker for {@code field} of {@code object} holding {@code id} (or nothing), its name read from the CRM. */
	static Lookup of(CrmRecords records, String object, FieldDescription field, Object id) {
		String chosen = id == null || id.toString().isBlank() ? null : id.toString();
		String target = field.referenceTo().isEmpty() ? null : field.referenceTo().get(0);
		String name = null;
		if (chosen != null) {
			String found = records.objectOf(chosen).orElse(null);
			if (found != null && field.referenceTo().contains(found)) {
				target = found;
				name = records.get(found, chosen, List.of("Id")).name();
			}
		}
		return new Lookup(object, field.name(), field.label(), field.referenceTo(), target, chosen,
				name == null && chosen != null ? "(unknown record)" : name, field.required());
	}
}
