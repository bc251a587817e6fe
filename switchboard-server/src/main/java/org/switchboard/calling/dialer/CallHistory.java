package org.switchboard.calling.dialer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.switchboard.calling.calls.CallMatcher;
import org.switchboard.calling.calls.CallStore;
import org.switchboard.calling.calls.Direction;
import org.switchboard.calling.calls.Match;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.crm.PhoneNormalizer;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexCall;
import org.switchboard.webex.WebexClient;

/**
 * The user's recent Webex calls (placed, received, missed), when the admin has call history on: each number the CRM
 * knows is shown with its record, and a missed call the user declined here says declined.
 */
@Service
public class CallHistory {

	/** A declined call and Webex's missed entry for it are this close in time. */
	private static final Duration SAME_CALL = Duration.ofMinutes(2);
	/** Numbers looked up in the CRM per request (history holds about a hundred calls). */
	private static final int MAX_LOOKUPS = 50;

	private final WebexClient webex;
	private final WebexAccounts accounts;
	private final CallingSettings settings;
	private final CallMatcher matcher;
	private final CallStore calls;
	private final Clock clock;

	CallHistory(WebexClient webex, WebexAccounts accounts, CallingSettings settings, CallMatcher matcher, CallStore calls, Clock clock) {
		this.webex = webex;
		this.accounts = accounts;
		this.settings = settings;
		this.matcher = matcher;
		this.calls = calls;
		this.clock = clock;
	}

	public List<Entry> recent(String userId) {
		if (!settings.history().enabled()) {
			throw new ProblemException(Refusal.NOT_PERMITTED, "Call history is off", "Your admin has switched off call history");
		}
		String token = accounts.tokenFor(userId).orElseThrow(() -> new ProblemException(Refusal.CONFLICT, "Not linked to Webex",
				"Your user is not linked to a Webex account, so there is no call history to show"));
		List<WebexCall.HistoryEntry> items = webex.callHistory(token, null);
		List<CallStore.Declined> declined = calls.declinedSince(userId, clock.instant().minus(Duration.ofDays(31)));
		Map<String, Match> known = new HashMap<>();
		return items.stream()
			.map(item -> new Entry(declined(item, declined) ? "declined" : item.type(), item.name(), item.number(),
					item.privacyEnabled(), item.time(), record(item, known)))
			.sorted(Comparator.comparing(Entry::time, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	/** The one CRM record with the number, looked up once per number and at most {@link #MAX_LOOKUPS} numbers. */
	private Match record(WebexCall.HistoryEntry item, Map<String, Match> known) {
		if (item.privacyEnabled() || item.number() == null) {
			return null;
		}
		if (!known.containsKey(item.number()) && known.size() < MAX_LOOKUPS) {
			Direction direction = "placed".equals(item.type()) ? Direction.OUTBOUND : Direction.INBOUND;
			List<Match> matches = matcher.match(direction, item.number(), false);
			known.put(item.number(), matches.size() == 1 ? matches.get(0) : null);
		}
		return known.get(item.number());
	}

	private boolean declined(WebexCall.HistoryEntry item, List<CallStore.Declined> declined) {
		if (!"missed".equals(item.type()) || item.number() == null || item.time() == null) {
			return false;
		}
		Instant at;
		try {
			at = Instant.parse(item.time());
		}
		catch (DateTimeParseException e) {
			return false;
		}
		String number = PhoneNormalizer.toE164(item.number(), settings.phoneRegion()).orElse(item.number());
		return declined.stream().anyMatch(d -> d.at() != null && Duration.between(d.at(), at).abs().compareTo(SAME_CALL) <= 0
				&& Objects.equals(number, PhoneNormalizer.toE164(Objects.toString(d.remoteNumber(), ""), settings.phoneRegion()).orElse(d.remoteNumber())));
	}

	/**
	 * @param type placed, received, missed or declined
	 * @param record the CRM record with this number, when exactly one has it
	 */
	public record Entry(String type, String name, String number, boolean privacyEnabled, String time, Match record) {
	}
}
