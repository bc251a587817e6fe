package org.switchboard.calling.dialer;

import java.util.List;

import org.springframework.stereotype.Service;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexCall;
import org.switchboard.webex.WebexClient;

/** The user's recent Webex calls (placed, received, missed), when the admin has call history on. */
@Service
public class CallHistory {

	private final WebexClient webex;
	private final WebexAccounts accounts;
	private final CallingSettings settings;

	CallHistory(WebexClient webex, WebexAccounts accounts, CallingSettings settings) {
		this.webex = webex;
		this.accounts = accounts;
		this.settings = settings;
	}

	public List<Entry> recent(String userId) {
		if (!settings.history().enabled()) {
			throw new ProblemException(403, "Call history is off", "Your admin has switched off call history");
		}
		String token = accounts.tokenFor(userId).orElseThrow(() -> new ProblemException(409, "Not linked to Webex",
				"Your user is not linked to a Webex account, so there is no call history to show"));
		return webex.callHistory(token, null).stream().map(CallHistory::entry)
			.sorted(java.util.Comparator.comparing(Entry::time, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
			.toList();
	}

	private static Entry entry(WebexCall.HistoryEntry item) {
		return new Entry(item.type(), item.name(), item.number(), item.privacyEnabled(), item.time());
	}

	/** @param type placed, received or missed */
	public record Entry(String type, String name, String number, boolean privacyEnabled, String time) {
	}
}
