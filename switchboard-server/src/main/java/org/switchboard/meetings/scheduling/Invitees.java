package org.switchboard.meetings.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.meetings.scheduling.ScheduleRequest.InviteeRef;
import org.switchboard.meetings.settings.Meetings;
import org.switchboard.platform.names.ApiNames;
import org.switchboard.platform.errors.FieldProblem;

/**
 * Who may be invited (T1, T5): Contacts and/or Leads per the "meeting search" toggles, Users, or any email typed in.
 * Webex invites by email.
 */
@Component
public class Invitees {

	/** Webex takes at most 1,000 invitees per meeting. */
	static final int MAX_INVITEES = 1000;
	private static final int SEARCH_LIMIT = 8;
	private static final List<String> PEOPLE = List.of("Contact", "Lead", "User");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final CrmRecords records;
	private final Meetings meetings;

	Invitees(CrmRecords records, Meetings meetings) {
		this.records = records;
		this.meetings = meetings;
	}

	/** A person to invite: a record (object, id, name) or an email alone; {@code email} is null when the record has none. */
	public record Invitee(String object, String id, String name, String email) {
	}

	/** The type-ahead: people whose name or email starts with the words typed, each with an email. */
	public List<Invitee> search(String query) {
		String text = query == null ? "" : query.strip();
		if (text.isEmpty() || text.length() > 100) {
			return List.of();
		}
		List<String> objects = new ArrayList<>(meetings.searchObjects());
		objects.add("User");
		List<Invitee> found = new ArrayList<>();
		for (String object : objects) {
			for (CrmRecord r : records.find(object, text, SEARCH_LIMIT)) {
				String email = r.getString("Email");
				if (email != null && !email.isBlank() && !Boolean.FALSE.equals(r.get("IsActive"))) {
					found.add(new Invitee(r.object(), r.id(), r.name(), email.strip()));
				}
			}
		}
		return found;
	}

	/** Each reference resolved; bad ones are added to {@code problems} as {@code invitees[i]…}. */
	List<Invitee> resolve(List<InviteeRef> refs, List<FieldProblem> problems) {
		List<InviteeRef> list = refs == null ? List.of() : refs;
		if (list.size() > MAX_INVITEES) {
			problems.add(new FieldProblem("invitees", "has " + list.size() + " entries; Webex takes at most " + MAX_INVITEES));
			return List.of();
		}
		List<Invitee> resolved = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			InviteeRef ref = list.get(i);
			String field = "invitees[" + i + "]";
			if (ref != null && ref.email() != null && !ref.email().isBlank()) {
				String email = ref.email().strip();
				if (EMAIL.matcher(email).matches() && email.length() <= 320) {
					resolved.add(new Invitee(null, null, null, email));
				}
				else {
					problems.add(new FieldProblem(field + ".email", "is not an email address"));
				}
			}
			else if (ref != null && ref.object() != null && ref.id() != null) {
				record(ref, field, problems).ifPresent(resolved::add);
			}
			else {
				problems.add(new FieldProblem(field, "needs an email, or an object (Contact, Lead or User) and an id"));
			}
		}
		return resolved;
	}

	private Optional<Invitee> record(InviteeRef ref, String field, List<FieldProblem> problems) {
		String object = PEOPLE.stream().filter(o -> ApiNames.equalsIgnoreAsciiCase(o, ref.object().strip())).findFirst().orElse(null);
		if (object == null) {
			problems.add(new FieldProblem(field + ".object", "must be Contact, Lead or User"));
			return Optional.empty();
		}
		String actual = records.objectOf(ref.id().strip()).orElse(null);
		if (!object.equals(actual)) {
			problems.add(new FieldProblem(field + ".id", actual == null ? "no " + object + " with id '" + ref.id() + "'"
					: "'" + ref.id() + "' is a " + actual + ", not a " + object));
			return Optional.empty();
		}
		try {
			CrmRecord r = records.get(object, ref.id().strip(), List.of("Email"));
			String email = r.getString("Email");
			return Optional.of(new Invitee(object, r.id(), r.name(), email == null || email.isBlank() ? null : email.strip()));
		}
		catch (CrmException e) {
			problems.add(new FieldProblem(field + ".id", "no " + object + " with id '" + ref.id() + "'"));
			return Optional.empty();
		}
	}
}
