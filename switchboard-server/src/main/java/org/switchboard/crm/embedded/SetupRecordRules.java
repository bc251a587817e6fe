package org.switchboard.crm.embedded;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.names.ApiNames;
import org.switchboard.platform.names.EmailAddresses;

/**
 * Names that identify setup records are stored in one canonical spelling space and are unique in it, as in Salesforce:
 * a User's Username is an ASCII email address, a PermissionSet's Name is an API name, each unique ignoring ASCII case.
 * So no two users sign in under the same name, and no permission set can pass for another by its spelling.
 */
final class SetupRecordRules {

	private record Rule(String object, String field, Function<String, Optional<String>> canonical, String expected) {
	}

	private static final List<Rule> RULES = List.of(
			new Rule("User", "Username", EmailAddresses::userName, "must be an email address of ASCII characters, such as ada@example.com"),
			new Rule("PermissionSet", "Name", ApiNames::key, "must be an API name: an ASCII letter, then letters, digits or underscores"));

	private final RecordTable table;

	SetupRecordRules(RecordTable table) {
		this.table = table;
	}

	/**
	 * Checks {@code values} of a record being written ({@code selfId} null for a new one); {@code batch} collects the
	 * canonical names of a multi-record create so that two rows of one batch cannot share a name either.
	 */
	void check(ObjectDescription object, Map<String, Object> values, String selfId, Set<String> batch,
			List<FieldProblem> problems) {
		for (Rule rule : RULES) {
			Object value = values.get(rule.field());
			if (!rule.object().equals(object.name()) || value == null) {
				continue;
			}
			Optional<String> canonical = rule.canonical().apply(value.toString());
			if (canonical.isEmpty()) {
				problems.add(new FieldProblem(rule.field(), rule.expected()));
			}
			else if (!batch.add(canonical.get()) || takenByAnother(rule, canonical.get(), selfId)) {
				problems.add(new FieldProblem(rule.field(), "'" + value + "' is already taken by another " + object.label()));
			}
		}
	}

	private boolean takenByAnother(Rule rule, String canonical, String selfId) {
		return table.exactTerm(rule.object(), canonical).stream()
			.filter(id -> !id.equals(selfId))
			.flatMap(id -> table.find(id).stream())
			.map(r -> r.values().get(rule.field()))
			.anyMatch(v -> v != null && rule.canonical().apply(v.toString()).filter(canonical::equals).isPresent());
	}
}
