package org.switchboard.calling.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.switchboard.calling.calls.CallControl;
import org.switchboard.calling.calls.CallMatcher;
import org.switchboard.calling.calls.CallRow;
import org.switchboard.calling.calls.Match;
import org.switchboard.calling.settings.CallLogDetailSettings;
import org.switchboard.calling.settings.CallLogDetailSettings.Detail;
import org.switchboard.calling.settings.CallLogSettings;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.errors.ProblemException;

/**
 * What the log window offers: whom the call was with, what it may be related to (the caller's account and, per the
 * admin's details configuration, that account's records), and the "More details" fields of a chosen record.
 */
@Service
public class CallLogDetails {

	private static final int PER_OBJECT = 5;
	private static final List<String> WHO_OBJECTS = List.of("Contact", "Lead");
	/** "More details" of the person the call was with, where the admin configured none for their object. */
	private static final Map<String, Detail> WHO_DETAILS = Map.of(
			"Contact", new Detail("Contact", "AccountId", List.of("Title", "Account.Name", "Email", "Phone", "MobilePhone")),
			"Lead", new Detail("Lead", null, List.of("Company", "Title", "Status", "Email", "Phone")));

	private final CallControl calls;
	private final CallMatcher matcher;
	private final CrmRecords records;
	private final CrmSchema schema;
	private final CallingSettings settings;

	CallLogDetails(CallControl calls, CallMatcher matcher, CrmRecords records, CrmSchema schema, CallingSettings settings) {
		this.calls = calls;
		this.matcher = matcher;
		this.records = records;
		this.schema = schema;
		this.settings = settings;
	}

	/**
	 * Whom and what the log may name: the records matched when the call came in, plus any created since with the
	 * caller's number (a contact or lead made from the pop); then the caller's own cases, the open opportunities and
	 * other records of their account, per the objects the admin lets a log relate to.
	 */
	public Suggestions suggestions(String userId, String callId) {
		CallRow call = calls.owned(userId, callId);
		CallLogSettings.Direction direction = settings.callLogs().of(call.direction().inbound());
		Map<String, Match> people = new LinkedHashMap<>();
		call.matches().forEach(m -> people.putIfAbsent(m.id(), m));
		matcher.match(call.direction(), call.remoteNumber(), call.privacyEnabled()).forEach(m -> people.putIfAbsent(m.id(), m));
		List<Match> who = people.values().stream().filter(m -> WHO_OBJECTS.contains(m.object())).toList();
		Optional<Match> contact = who.stream().filter(m -> m.object().equals("Contact")).findFirst();
		Map<String, Match> what = new LinkedHashMap<>();
		if (contact.isPresent() && direction.relatedObjects().contains("Case")) {
			records.related("Case", "ContactId", contact.get().id(), PER_OBJECT)
				.forEach(r -> what.putIfAbsent(r.id(), new Match(r.object(), r.id(), caseName(r))));
		}
		String accountId = contact.map(m -> records.get("Contact", m.id(), List.of("AccountId")).getString("AccountId")).orElse(null);
		if (accountId != null) {
			relatedToAccount(accountId, direction.relatedObjects()).forEach(m -> what.putIfAbsent(m.id(), m));
		}
		return new Suggestions(direction.enabled(), direction.relatedObjects(), who, List.copyOf(what.values()));
	}

	private static String caseName(CrmRecord r) {
		String subject = r.getString("Subject");
		return subject == null || subject.isBlank() ? r.name() : r.name() + " · " + subject;
	}

	/** The configured "More details" fields of a record (a contact's or lead's own by default), labelled; 404 for other objects without one. */
	public Details details(String object, String id) {
		Detail detail = settings.details().forObject(object).or(() -> Optional.ofNullable(WHO_DETAILS.get(object)))
			.orElseThrow(() -> ProblemException.notFound("No call-log details are configured for " + object));
		CrmRecord record = records.get(object, id, detail.fields());
		ObjectDescription description = schema.describe(object);
		List<Field> fields = new ArrayList<>();
		for (String path : detail.fields()) {
			String label = description.field(path).map(f -> f.label()).orElse(path);
			Object value = record.get(path);
			fields.add(new Field(path, label, value == null ? null : value.toString()));
		}
		return new Details(object, record.id(), record.name(), fields);
	}

	private List<Match> relatedToAccount(String accountId, List<String> enabled) {
		Map<String, Match> found = new LinkedHashMap<>();
		CallLogDetailSettings configured = settings.details();
		if (enabled.contains("Account")) {
			CrmRecord account = records.get("Account", accountId, List.of("Name"));
			found.put(account.id(), new Match("Account", account.id(), account.name()));
		}
		for (Detail detail : configured.details()) {
			if (enabled.contains(detail.object()) && !"Account".equals(detail.object())) {
				records.related(detail.object(), detail.accountField(), accountId, PER_OBJECT * 4).stream()
					.filter(r -> !Boolean.TRUE.equals(r.get("IsClosed")) || !"Opportunity".equals(r.object()))
					.limit(PER_OBJECT)
					.forEach(r -> found.putIfAbsent(r.id(), new Match(r.object(), r.id(), r.name())));
			}
		}
		return List.copyOf(found.values());
	}

	public record Suggestions(boolean logsEnabled, List<String> relatedObjects, List<Match> who, List<Match> what) {
	}

	public record Details(String object, String id, String name, List<Field> fields) {
	}

	public record Field(String name, String label, String value) {
	}
}
