package org.switchboard.messaging.settings;

import org.springframework.stereotype.Component;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.settings.SettingsSection;

@Component
class ChatSection implements SettingsSection<ChatSettings> {

	@Override
	public String name() {
		return ChatSettings.SECTION;
	}

	@Override
	public Class<ChatSettings> type() {
		return ChatSettings.class;
	}

	@Override
	public ChatSettings defaults() {
		return new ChatSettings(true);
	}

	@Override
	public void validate(ChatSettings value) {
		if (value.enabled() == null) {
			throw ProblemException.badRequest("The chat settings need \"enabled\"", new FieldProblem("enabled", "is required: true or false"));
		}
	}
}
