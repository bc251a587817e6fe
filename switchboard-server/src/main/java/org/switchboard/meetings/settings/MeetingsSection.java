package org.switchboard.meetings.settings;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.meetings.hosts.WebexOrgAdmins;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/** Validates the section; switching "enable meetings for all users" on needs a Webex org admin's sign-in. */
@Component
class MeetingsSection implements SettingsSection<MeetingSettings> {

	static final int MAX_DAYS = 365;

	private final WebexOrgAdmins orgAdmins;
	private final SettingsStore store;

	MeetingsSection(WebexOrgAdmins orgAdmins, SettingsStore store) {
		this.orgAdmins = orgAdmins;
		this.store = store;
	}

	@Override
	public String name() {
		return MeetingSettings.SECTION;
	}

	@Override
	public Class<MeetingSettings> type() {
		return MeetingSettings.class;
	}

	@Override
	public MeetingSettings defaults() {
		return new MeetingSettings(new MeetingSettings.Logs(true), 7, 14, false);
	}

	@Override
	public void validate(MeetingSettings value) {
		List<FieldProblem> problems = new ArrayList<>();
		if (value.logs() == null || value.logs().enabled() == null) {
			problems.add(new FieldProblem("logs.enabled", "is required: true or false"));
		}
		days(problems, "pastDays", value.pastDays());
		days(problems, "upcomingDays", value.upcomingDays());
		if (value.enabledForAll() == null) {
			problems.add(new FieldProblem("enabledForAll", "is required: true or false"));
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid meetings settings", problems.get(0).field() + " " + problems.get(0).message(), problems);
		}
	}

	/** Asks Webex (before the saving transaction) whether the admin switching meetings on for all is a Webex org admin. */
	@Override
	public void checkOutsideTransaction(MeetingSettings value) {
		if (value.forAll() && !store.read(this).forAll() && !orgAdmins.isOrgAdmin(Access.currentUserId())) {
			throw new ProblemException(Refusal.CONFLICT, "Webex org admin sign-in needed",
					"\"Enable meetings for all users\" lets Switchboard schedule on behalf of users, which needs a Webex org admin: "
							+ "sign in to Webex with an account that administers your Webex organization, then switch it on",
					List.of(new FieldProblem("enabledForAll", "needs your Webex sign-in as a Webex org admin")));
		}
	}

	private static void days(List<FieldProblem> problems, String field, Integer days) {
		if (days == null || days < 0 || days > MAX_DAYS) {
			problems.add(new FieldProblem(field, "must be a whole number of days from 0 to " + MAX_DAYS));
		}
	}
}
