package org.switchboard.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.notifications.bot.BotAccount;
import org.switchboard.notifications.bot.NotificationBot;
import org.switchboard.notifications.delivery.Outbox;
import org.switchboard.notifications.rules.Rule;
import org.switchboard.notifications.rules.Rules;
import org.switchboard.notifications.spaces.RecordRooms;
import org.switchboard.notifications.spaces.Space;
import org.switchboard.platform.lifecycle.Uninstallable;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;

import tools.jackson.databind.JsonNode;

/**
 * Uninstall of space notifications: the bot leaves every room it joined (with its own token, before the token goes),
 * then the rules, the queued deliveries and bot joins, and the bot's token are removed. A room the bot could not leave
 * keeps its row and the token, so running uninstall again retries it.
 */
@Component
@Order(10)
class NotificationLeftovers implements Uninstallable {

	private final RecordRooms rooms;
	private final Rules rules;
	private final Outbox outbox;
	private final NotificationBot bot;
	private final WebexClient webex;

	NotificationLeftovers(RecordRooms rooms, Rules rules, Outbox outbox, NotificationBot bot, WebexClient webex) {
		this.rooms = rooms;
		this.rules = rules;
		this.outbox = outbox;
		this.bot = bot;
		this.webex = webex;
	}

	@Override
	public List<Leftover> leftovers() {
		List<Leftover> leftovers = new ArrayList<>();
		for (Space space : rooms.all()) {
			leftovers.add("joined".equals(space.botState()) ? membership(space) : join(space));
		}
		rules.all().forEach(rule -> leftovers.add(rule(rule)));
		long deliveries = outbox.count("pending") + outbox.count("failed");
		if (deliveries > 0) {
			leftovers.add(deliveries(deliveries));
		}
		bot.current().ifPresent(b -> leftovers.add(token(b)));
		return leftovers;
	}

	@Override
	public List<Removal> remove() {
		List<Removal> removals = new ArrayList<>();
		Optional<NotificationBot.Credentials> credentials = bot.credentials();
		Optional<BotAccount> account = bot.current();
		boolean allLeft = true;
		for (Space space : rooms.all()) {
			if (!"joined".equals(space.botState())) {
				rooms.forget(space.spaceId());
				removals.add(Removal.removed(join(space)));
				continue;
			}
			String failure = credentials.isEmpty() ? "no bot token to leave the room with" : leave(credentials.get().token(), account.get(), space);
			if (failure == null) {
				rooms.forget(space.spaceId());
			}
			allLeft &= failure == null;
			removals.add(new Removal(membership(space), failure));
		}
		for (Rule rule : rules.all()) {
			rules.delete(rule.id(), "uninstall");
			removals.add(Removal.removed(rule(rule)));
		}
		long queued = outbox.count("pending") + outbox.count("failed");
		outbox.clear();
		if (queued > 0) {
			removals.add(Removal.removed(deliveries(queued)));
		}
		if (account.isPresent() && allLeft) {
			bot.remove("uninstall");
			removals.add(Removal.removed(token(account.get())));
		}
		return removals;
	}

	/** Deletes the bot's membership of the room; null when done (or already gone), else why not. */
	private String leave(String token, BotAccount account, Space space) {
		try {
			for (JsonNode membership : webex.memberships(token, space.roomId())) {
				if (account.personId().equals(membership.path("personId").asString())) {
					webex.deleteMembership(token, membership.path("id").asString());
				}
			}
			return null;
		}
		catch (WebexApiException.NotFound alreadyGone) {
			return null;
		}
		catch (WebexApiException e) {
			return e.getMessage();
		}
	}

	private static Leftover membership(Space space) {
		return new Leftover("botMembership", space.roomId(), "the bot in the space of " + space.object() + " " + space.recordId());
	}

	private static Leftover join(Space space) {
		return new Leftover("scheduledJob", space.spaceId(), "the bot's pending join of the space of " + space.object() + " " + space.recordId());
	}

	private static Leftover rule(Rule rule) {
		return new Leftover("rule", rule.id(), "notification rule \"" + rule.name() + "\" on " + rule.object());
	}

	private static Leftover deliveries(long count) {
		return new Leftover("scheduledJob", "notification-deliveries", count + " notification deliveries waiting or failed");
	}

	private static Leftover token(BotAccount account) {
		return new Leftover("token", account.personId(), "notification bot token of " + account.email());
	}
}
