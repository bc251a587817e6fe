package org.switchboard.webinars;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.settings.SettingsSection;

/** Validates the {@code webinars} section: day ranges, and that each chosen profile and user exists. */
@Component
class WebinarsSection implements SettingsSection<WebinarSettings> {

	static final int MAX_DAYS = 365;

	private final CrmRecords records;

	WebinarsSection(CrmRecords records) {
		this.records = records;
	}

	@Override
	public String name() {
		return WebinarSettings.SECTION;
	}

	@Override
	public Class<WebinarSettings> type() {
		return WebinarSettings.class;
	}

	@Override
	public WebinarSettings defaults() {
		return new WebinarSettings(30, 30, new WebinarSettings.Import(true, List.of(), List.of()));
	}

	@Override
	public void validate(WebinarSettings value) {
		List<FieldProblem> problems = new ArrayList<>();
		days(problems, "pastDays", value.pastDays());
		days(problems, "upcomingDays", value.upcomingDays());
		WebinarSettings.Import importing = value.importing();
		if (importing == null || importing.enabledForAll() == null) {
			problems.add(new FieldProblem("import.enabledForAll", "is required: true or false"));
		}
		else {
			ids(problems, "import.profiles", importing.profiles(), "Profile");
			ids(problems, "import.users", importing.users(), "User");
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(400, "Invalid webinars settings", problems.get(0).field() + " " + problems.get(0).message(), problems);
		}
	}

	private void ids(List<FieldProblem> problems, String field, List<String> ids, String object) {
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			Optional<String> found = id == null ? Optional.empty() : records.objectOf(id);
			if (!found.map(object::equals).orElse(false)) {
				problems.add(new FieldProblem(field + "[" + i + "]", "'" + id + "' is not the id of a " + object));
			}
		}
	}

	private static void days(List<FieldProblem> problems, String field, Integer days) {
		if (days == null || days < 0 || days > MAX_DAYS) {
			problems.add(new FieldProblem(field, "must be a whole number of days from 0 to " + MAX_DAYS));
		}
	}
}
