package org.switchboard.platform.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

@Component
class SearchSettingsSection implements SettingsSection<SearchSettings> {

	@Override
	public String name() {
		return SearchSettings.SECTION;
	}

	@Override
	public Class<SearchSettings> type() {
		return SearchSettings.class;
	}

	@Override
	public SearchSettings defaults() {
		return SearchSettings.everything();
	}

	@Override
	public void validate(SearchSettings value) {
		Map<String, Object> parts = new LinkedHashMap<>();
		parts.put("dialer", value.dialer());
		parts.put("inbound", value.inbound());
		parts.put("meeting", value.meeting());
		parts.put("space", value.space());
		List<FieldProblem> problems = new ArrayList<>();
		parts.forEach((name, toggles) -> {
			if (toggles == null) {
				problems.add(new FieldProblem(name, "is required: {\"contacts\": true|false, \"leads\": true|false}"));
			}
		});
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid settings", "The search settings are incomplete", problems);
		}
	}
}
