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
import org.switchboard.notifications.claim.Claimed;
import org.switchboard.notifications.spaces.Space;
import org.switchboard.notifications.spaces.RecordRooms;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;

/**
 * One unit of due work: add the bot to a room, or post one delivery. A short transaction claims the row for a lease,
 * the Webex calls run with no transaction open, and the outcome is recorded only if the claim still holds (ADR 38),
 * so no other worker posts the row while the lease lasts and a late outcome never overwrites a later claim's.
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
		return joinDue() || deliverDue();
	}

	private boolean joinDue() {
		Optional<Credentials> credentials = bot.credentials();
		Optional<Claimed<Space>> claim = credentials.isEmpty() ? Optional.empty()
				: transactions.execute(status -> spaces.claimDueJoin(clock.instant(), leaseEnd()));
		if (claim.isEmpty()) {
			return false;
		}
		Space space = claim.get().row();
		try {
			join(space, credentials.get());
			keptOrLost(spaces.joined(claim.get(), credentials.get().email()), "Bot join of space " + space.spaceId());
		}
		catch (WebexApiException | CannotJoin e) {
			int attempt = space.attempts() + 1;
			boolean giveUp = attempt >= properties.maxAttempts() || !Backoff.worthRetrying(e);
			keptOrLost(spaces.joinFailed(claim.get(), e.getMessage(), clock.instant().plus(Backoff.after(attempt, e, properties)), giveUp),
					"Bot join of space " + space.spaceId());
		}
		return true;
	}

	/** In the registering transaction: what waited for a bot is due now. */
	@EventListener
	void on(BotChanged changed) {
		outbox.dueNowIfWaitingFor(NO_BOT, clock.instant());
	}

	private boolean deliverDue() {
		Optional<Claimed<Delivery>> claim = transactions.execute(status -> outbox.claimDue(clock.instant(), leaseEnd()));
		claim.ifPresent(this::deliver);
		return claim.isPresent();
	}

	/** Runs with no transaction open: each Webex call is made between the claim's commit and the outcome's. */
	private void deliver(Claimed<Delivery> claim) {
		Delivery delivery = claim.row();
		Instant now = clock.instant();
		Optional<Credentials> credentials = bot.credentials();
		if (credentials.isEmpty()) {
			keptOrLost(outbox.postpone(claim, NO_BOT, now.plus(NO_BOT_RECHECK), now), "Delivery " + delivery.id());
			return;
		}
		Optional<Space> space = spaces.find(delivery.spaceId());
		if (space.isEmpty()) {
			keptOrLost(outbox.attemptFailed(claim, "The space was unlinked from the record before delivery", now, true, now), "Delivery " + delivery.id());
			return;
		}
		try {
			if (!space.get().joinedBy(credentials.get().email())) {
				join(space.get(), credentials.get());
				spaces.joined(space.get().spaceId(), credentials.get().email());
				if (!keptOrLost(outbox.extend(claim, leaseEnd()), "Delivery " + delivery.id())) {
					return;
				}
			}
			String messageId = webex.postMessage(credentials.get().token(), delivery.roomId(), delivery.text(), null).id();
			keptOrLost(outbox.sent(claim, messageId, clock.instant()), "Delivery " + delivery.id() + " (posted as " + messageId + ")");
			metrics.attempt("200");
		}
		catch (WebexApiException | CannotJoin e) {
			metrics.attempt(OutboxMetrics.statusOf(e));
			failed(claim, e);
		}
	}

	private void failed(Claimed<Delivery> claim, RuntimeException e) {
		Delivery delivery = claim.row();
		int attempt = delivery.attempts() + 1;
		boolean giveUp = attempt >= properties.maxAttempts() || !Backoff.worthRetrying(e);
		Instant at = clock.instant();
		transactions.executeWithoutResult(status -> {
			keptOrLost(outbox.attemptFailed(claim, e.getMessage(), at.plus(Backoff.after(attempt, e, properties)), giveUp, at), "Delivery " + delivery.id());
			if (e instanceof WebexApiException webexError && (webexError.status() == 403 || webexError.status() == 404)) {
				spaces.rejoin(delivery.spaceId(), at);
			}
		});
		log.info("Notification delivery {} attempt {} failed{}: {}", delivery.id(), attempt, giveUp ? " for good" : "", e.getMessage());
	}

	private Instant leaseEnd() {
		return clock.instant().plus(properties.lease());
	}

	/** An outcome that found its claim gone was not recorded: the lease ran out and the row is another claim's now. */
	private static boolean keptOrLost(boolean recorded, String work) {
		if (!recorded) {
			log.warn("{}: the claim's lease ran out before the outcome was recorded; the row is left to its next claim", work);
		}
		return recorded;
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
	}

	static final class CannotJoin extends RuntimeException {

		CannotJoin(String message) {
			super(message);
		}
	}
}
