package org.switchboard.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.notifications.bot.NotificationBot;
import org.switchboard.notifications.bot.NotificationBot.BotChanged;
import org.switchboard.notifications.bot.NotificationBot.Credentials;
import org.switchboard.notifications.spaces.Space;
import org.switchboard.notifications.spaces.RecordRooms;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;

/**
 * One unit of due work per transaction: add the bot to a room, or post one delivery. The claimed row stays locked
 * from claim through the post to "sent", so it is posted by the worker holding it and by no one else.
 */
@Component
class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
	private static final Duration NO_BOT_RECHECK = Duration.ofSeconds(30);
	private static final String NO_BOT = "No notification bot is registered";

	private final Outbox outbox;
	private final RecordRooms spaces;
	private final NotificationBot bot;
	private final WebexClient webex;
	private final WebexAccounts accounts;
	private final TransactionTemplate transactions;
	private final NotificationProperties properties;
	private final Clock clock;
	private final OutboxMetrics metrics;

	DeliveryWorker(Outbox outbox, RecordRooms spaces, NotificationBot bot, WebexClient webex, WebexAccounts accounts,
			TransactionTemplate transactions, NotificationProperties properties, Clock clock, OutboxMetrics metrics) {
		this.outbox = outbox;
		this.spaces = spaces;
		this.bot = bot;
		this.webex = webex;
		this.accounts = accounts;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	/** @return false when nothing was due */
	boolean workOnce() {
		return Boolean.TRUE.equals(transactions.execute(status -> joinDue() || deliverDue()));
	}

	private boolean joinDue() {
		Optional<Credentials> credentials = bot.credentials();
		Optional<Space> due = credentials.flatMap(c -> spaces.claimDueJoin(clock.instant()));
		if (due.isEmpty()) {
			return false;
		}
		Space space = due.get();
		try {
			join(space, credentials.get());
		}
		catch (WebexApiException | CannotJoin e) {
			int attempt = space.attempts() + 1;
			boolean giveUp = attempt >= properties.maxAttempts() || !Backoff.worthRetrying(e);
			spaces.joinFailed(space.spaceId(), e.getMessage(), clock.instant().plus(Backoff.after(attempt, e, properties)), giveUp);
		}
		return true;
	}

	/** In the registering transaction: what waited for a bot is due now. */
	@EventListener
	void on(BotChanged changed) {
		outbox.dueNowIfWaitingFor(NO_BOT, clock.instant());
	}

	private boolean deliverDue() {
		Instant now = clock.instant();
		Optional<Delivery> due = outbox.claimDue(now);
		due.ifPresent(this::deliver);
		return due.isPresent();
	}

	private void deliver(Delivery delivery) {
		Instant now = clock.instant();
		Optional<Credentials> credentials = bot.credentials();
		if (credentials.isEmpty()) {
			outbox.postpone(delivery.id(), NO_BOT, now.plus(NO_BOT_RECHECK), now);
			return;
		}
		Optional<Space> space = spaces.find(delivery.spaceId());
		if (space.isEmpty()) {
			outbox.attemptFailed(delivery.id(), "The space was unlinked from the record before delivery", now, true, now);
			return;
		}
		try {
			if (!space.get().joinedBy(credentials.get().email())) {
				join(space.get(), credentials.get());
			}
			String messageId = webex.postMessage(credentials.get().token(), delivery.roomId(), delivery.text(), null).id();
			outbox.sent(delivery.id(), messageId, clock.instant());
			metrics.attempt("200");
		}
		catch (WebexApiException | CannotJoin e) {
			metrics.attempt(OutboxMetrics.statusOf(e));
			int attempt = delivery.attempts() + 1;
			boolean giveUp = attempt >= properties.maxAttempts() || !Backoff.worthRetrying(e);
			Instant at = clock.instant();
			outbox.attemptFailed(delivery.id(), e.getMessage(), at.plus(Backoff.after(attempt, e, properties)), giveUp, at);
			if (e instanceof WebexApiException webexError && (webexError.status() == 403 || webexError.status() == 404)) {
				spaces.rejoin(delivery.spaceId(), at);
			}
			log.info("Notification delivery {} attempt {} failed{}: {}", delivery.id(), attempt, giveUp ? " for good" : "", e.getMessage());
		}
	}

	/** Adds the bot with the token of the user who linked the space (a member); "already a member" is success. */
	private void join(Space space, Credentials credentials) {
		String token = space.linkedBy() == null ? null : accounts.tokenFor(space.linkedBy()).orElse(null);
		if (token == null) {
			throw new CannotJoin("The user who linked the space has no Webex account linked, so the bot cannot be added to the room");
		}
		try {
			webex.addMember(token, space.roomId(), credentials.email());
		}
		catch (WebexApiException e) {
			if (e.status() != 409) {
				throw e;
			}
		}
		spaces.joined(space.spaceId(), credentials.email());
	}

	static final class CannotJoin extends RuntimeException {

		CannotJoin(String message) {
			super(message);
		}
	}
}
