package org.switchboard.calling.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.switchboard.calling.calls.CallControl;
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

	private final CallControl calls;
	private final CrmRecords records;
	private final CrmSchema schema;
	private final CallingSettings settings;

	CallLogDetails(CallControl calls, CrmRecords records, CrmSchema schema, CallingSettings settings) {
		this.calls = calls;
		this.records = records;
		this.schema = schema;
		this.settings = settings;
	}

	public Suggestions suggestions(String userId, String callId) {
		CallRow call = calls.owned(userId, callId);
		CallLogSettings.Direction direction = settings.callLogs().of(call.direction().inbound());
		List<Match> who = call.matches().stream().filter(m -> List.of("Contact", "Lead").contains(m.object())).toList();
		String accountId = who.stream().filter(m -> m.object().equals("Contact")).findFirst()
			.map(m -> records.get("Contact", m.id(), List.of("AccountId")).getString("AccountId")).orElse(null);
		List<Match> what = accountId == null ? List.of() : relatedToAccount(accountId, direction.relatedObjects());
		return new Suggestions(direction.enabled(), direction.relatedObjects(), who, what);
	}

	/** The configured "More details" fields of a record, labelled; 404 when its object has no configuration. */
	public Details details(String object, String id) {
		Detail detail = settings.details().forObject(object)
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
				records.related(detail.object(), detail.accountField(), accountId, PER_OBJECT)
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
