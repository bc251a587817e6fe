package org.switchboard.notifications;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.notifications.bot.NotificationBot;
import org.switchboard.notifications.rules.RuleRequest;
import org.switchboard.notifications.rules.Rules;

/** What a fresh installation needs to show space notifications working: a bot and one example rule. */
@Service
public class StarterNotifications {

	static final String EXAMPLE_TEMPLATE = "Stage of [[Name]] moved from [[prior:StageName]] to [[StageName]]";

	private final NotificationBot bot;
	private final Rules rules;

	StarterNotifications(NotificationBot bot, Rules rules) {
		this.bot = bot;
		this.rules = rules;
	}

	/** Registers the bot's token unless a bot is registered already. */
	public void ensureBot(String botToken, String actor) {
		if (bot.current().isEmpty()) {
			bot.register(botToken, actor);
		}
	}

	/** Adds an active "Opportunity stage" rule when there are no rules at all, so an admin has one to start from. */
	@Transactional
	public void ensureExampleRule(String actor) {
		if (rules.all().isEmpty()) {
			rules.create(new RuleRequest("Opportunity stage", "Opportunity", List.of("StageName"), EXAMPLE_TEMPLATE, true), actor);
		}
	}
}
