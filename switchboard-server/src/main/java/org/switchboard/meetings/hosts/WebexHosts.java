package org.switchboard.meetings.hosts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.meetings.settings.MeetingSettings;
import org.switchboard.meetings.settings.Meetings;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.settings.SettingsChanged;
import org.switchboard.webex.WebexAccounts;

/**
 * Whose Webex token a meeting is made with: the signed-in user's own (the one seam onto how users get Webex tokens),
 * or, with "enable meetings for all users" on, the token of the Webex org admin who switched it on, acting for the
 * user by {@code hostEmail}.
 */
@Component
public class WebexHosts {

	private final WebexAccounts accounts;
	private final Meetings meetings;
	private final CrmRecords records;
	private final JdbcClient jdbc;
	private final Clock clock;

	WebexHosts(WebexAccounts accounts, Meetings meetings, CrmRecords records, JdbcClient jdbc, Clock clock) {
		this.accounts = accounts;
		this.meetings = meetings;
		this.records = records;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A token to act with, and the host's email when acting for them with an admin's token. Never log it. */
	public record Host(String token, String hostEmail) {

		@Override
		public String toString() {
			return "Host[" + (hostEmail == null ? "own token" : "for " + hostEmail) + "]";
		}
	}

	/** How the user schedules: with their own Webex sign-in, else on their behalf; else a 409 saying what to do. */
	public Host forUser(String userId) {
		Optional<String> own = accounts.tokenFor(userId);
		if (own.isPresent()) {
			return new Host(own.get(), null);
		}
		return onBehalf(userId).orElseThrow(() -> new ProblemException(Refusal.CONFLICT, "Not signed in to Webex",
				"Sign in to Webex to schedule meetings (or ask a Webex Admin to enable meetings for all users)"));
	}

	/** How to act on a meeting already made: as it was made. */
	public Host forMeeting(String hostUserId, boolean onBehalf) {
		if (!onBehalf) {
			return accounts.tokenFor(hostUserId).map(t -> new Host(t, null)).orElseThrow(() -> new ProblemException(Refusal.CONFLICT,
					"Not signed in to Webex", "The meeting's host is no longer signed in to Webex"));
		}
		return onBehalf(hostUserId).orElseThrow(() -> new ProblemException(Refusal.CONFLICT, "Meetings for all users are off",
				"The meeting was scheduled on the host's behalf, which a Webex Admin has since switched off"));
	}

	/** The user's own token, if they have signed in to Webex. */
	public Optional<String> ownToken(String userId) {
		return accounts.tokenFor(userId);
	}

	public String emailOf(String userId) {
		return accounts.forUser(userId).map(a -> a.email()).filter(e -> !e.isBlank())
			.orElseGet(() -> records.get("User", userId, List.of("Email")).getString("Email"));
	}

	private Optional<Host> onBehalf(String userId) {
		if (!meetings.settings().forAll()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT user_id FROM meeting_delegate WHERE id = 1").query(String.class).optional()
			.flatMap(accounts::tokenFor).map(token -> new Host(token, emailOf(userId)));
	}

	/** In the saving transaction: the admin who switches meetings on for all lends their Webex sign-in; off forgets it. */
	@EventListener
	void on(SettingsChanged changed) {
		if (!MeetingSettings.SECTION.equals(changed.section())) {
			return;
		}
		if (!meetings.settings().forAll()) {
			jdbc.sql("DELETE FROM meeting_delegate").update();
			return;
		}
		boolean none = jdbc.sql("SELECT COUNT(*) FROM meeting_delegate").query(Integer.class).single() == 0;
		if (none) {
			records.findByField("User", "Username", changed.changedBy()).stream().findFirst().map(CrmRecord::id)
				.ifPresent(userId -> jdbc.sql("INSERT INTO meeting_delegate (id, user_id, set_at) VALUES (1, ?, ?)")
					.params(userId, clock.instant().atOffset(ZoneOffset.UTC)).update());
		}
	}
}
