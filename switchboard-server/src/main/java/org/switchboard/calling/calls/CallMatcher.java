package org.switchboard.calling.calls;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.settings.SearchSettings;

/** Finds the records a caller's number belongs to: E.164 over the admin's phone fields and search toggles. */
@Component
public class CallMatcher {

	static final int MAX_MATCHES = 10;

	private final CrmRecords records;
	private final CallingSettings settings;

	CallMatcher(CrmRecords records, CallingSettings settings) {
		this.records = records;
		this.settings = settings;
	}

	/** Inbound calls search per the inbound toggles, outbound calls per the dialer's; withheld numbers match nothing. */
	public List<Match> match(Direction direction, String number, boolean privacyEnabled) {
		if (!asksTheCrm(number, privacyEnabled)) {
			return List.of();
		}
		SearchSettings search = settings.search();
		List<String> objects = (direction.inbound() ? search.inbound() : search.dialer()).objects();
		Map<String, Set<String>> fields = settings.phoneFields().forObjects(objects);
		return records.findByPhone(number, fields).stream()
			.limit(MAX_MATCHES)
			.map(m -> new Match(m.record().object(), m.record().id(), m.record().name(), m.phoneField(),
					m.record().getString(m.phoneField())))
			.toList();
	}

	/** Whether matching this number reads the CRM at all (a withheld or missing number matches nothing). */
	static boolean asksTheCrm(String number, boolean privacyEnabled) {
		return !privacyEnabled && number != null && !number.isBlank();
	}

	/**
	 * Whether the CRM's records live in our own database (the embedded store): matching is then a local read that may
	 * run in a transaction; a remote CRM (Salesforce) is asked over HTTP, which must not (ADR 0040).
	 */
	boolean readsOurDatabase() {
		return records.writesJoinOurTransaction();
	}
}
