package org.switchboard.messaging.spaces;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.messaging.settings.MessagingSettings;
import org.switchboard.messaging.spaces.CreateSpaceRequest.MemberRef;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.names.ApiNames;
import org.switchboard.platform.names.EmailAddresses;

/**
 * Who may be added to a space: people found among Contacts and Leads (per the "space search" toggles) and Users
 * with an email, or any email typed in. Webex adds people by email.
 */
@Component
public class Members {

	static final int MAX_MEMBERS = 100;
	private static final int SEARCH_LIMIT = 8;
	private static final List<String> PERSON_OBJECTS = List.of("Contact", "Lead", "User");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final CrmRecords records;
	private final MessagingSettings settings;

	Members(CrmRecords records, MessagingSettings settings) {
		this.records = records;
		this.settings = settings;
	}

	/** The type-ahead: people whose name or email starts with the words typed, each with an email. */
	public List<Candidate> search(String query) {
		String text = query == null ? "" : query.strip();
		if (text.isEmpty() || text.length() > 100) {
			return List.of();
		}
		List<String> objects = new ArrayList<>(settings.memberObjects());
		objects.add("User");
		List<Candidate> found = new ArrayList<>();
		for (String object : objects) {
			records.find(object, text, SEARCH_LIMIT).stream()
				.filter(r -> hasEmail(r) && !Boolean.FALSE.equals(r.get("IsActive")))
				.forEach(r -> found.add(new Candidate(r.object(), r.id(), r.name(), r.getString("Email").strip())));
		}
		return found;
	}

	/** Each member as an email to add (or with no email, to be reported); invalid references are a 400 naming them. */
	List<Candidate> resolve(List<MemberRef> members) {
		List<MemberRef> refs = members == null ? List.of() : members;
		if (refs.size() > MAX_MEMBERS) {
			throw ProblemException.badRequest("A space can be created with at most " + MAX_MEMBERS + " members at once",
					new FieldProblem("members", "has " + refs.size() + " entries; at most " + MAX_MEMBERS));
		}
		List<Candidate> candidates = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < refs.size(); i++) {
			MemberRef ref = refs.get(i);
			String field = "members[" + i + "]";
			if (ref != null && ref.email() != null && !ref.email().isBlank()) {
				String email = ref.email().strip();
				if (email.length() <= EmailAddresses.MAX_LENGTH && EMAIL.matcher(email).matches()) {
					candidates.add(new Candidate(null, null, null, email));
				}
				else {
					problems.add(new FieldProblem(field + ".email", "is not an email address"));
				}
			}
			else if (ref != null && ref.object() != null && ref.id() != null) {
				record(ref, field, problems).ifPresent(candidates::add);
			}
			else {
				problems.add(new FieldProblem(field, "needs an email, or an object (Contact, Lead or User) and an id"));
			}
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid members", "Some members cannot be found; nothing was created", problems);
		}
		return candidates;
	}

	private java.util.Optional<Candidate> record(MemberRef ref, String field, List<FieldProblem> problems) {
		String object = PERSON_OBJECTS.stream().filter(o -> ApiNames.same(o, ref.object().strip())).findFirst().orElse(null);
		if (object == null) {
			problems.add(new FieldProblem(field + ".object", "must be Contact, Lead or User"));
			return java.util.Optional.empty();
		}
		try {
			CrmRecord record = records.get(object, ref.id().strip(), List.of("Email"));
			return java.util.Optional.of(new Candidate(object, record.id(), record.name(),
					hasEmail(record) ? record.getString("Email").strip() : null));
		}
		catch (CrmException e) {
			problems.add(new FieldProblem(field + ".id", "no " + object + " with id '" + ref.id() + "'"));
			return java.util.Optional.empty();
		}
	}

	private static boolean hasEmail(CrmRecord record) {
		String email = record.getString("Email");
		return email != null && !email.isBlank();
	}

	/** A person to add: a CRM record (object, id, name) or just an email; {@code email} is null when the record has none. */
	public record Candidate(String object, String id, String name, String email) {

		String key() {
			return email == null ? object + ":" + id : EmailAddresses.canonical(email);
		}
	}
}
