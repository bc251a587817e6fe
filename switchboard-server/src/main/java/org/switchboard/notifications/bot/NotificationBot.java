package org.switchboard.notifications.bot;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.audit.AdminChange;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexPerson;

/** The bot that posts notifications: registered with a token Webex confirms is a bot's, stored encrypted. */
@Service
public class NotificationBot {

	private final WebexClient webex;
	private final JdbcClient jdbc;
	private final Secrets secrets;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	NotificationBot(WebexClient webex, JdbcClient jdbc, Secrets secrets, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.webex = webex;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Checks the token with {@code people/me} and stores it; a person's token or one Webex rejects is a 400 saying
	 * why. Publishes {@link BotChanged} so that the bot is (re)added to every tracked space before it posts there.
	 * Webex is asked with no transaction open; the bot is stored in one short transaction after (ADR 0040). A stop in
	 * between stores nothing: {@code people/me} only reads, so registering again is all it takes.
	 */
	public BotAccount register(String accessToken, String actor) {
		if (accessToken == null || accessToken.isBlank()) {
			throw ProblemException.badRequest("A bot access token is required", new FieldProblem("accessToken", "is required"));
		}
		String token = accessToken.trim();
		WebexPerson me = me(token);
		if (!me.isBot()) {
			throw ProblemException.badRequest("This token belongs to a " + me.type()
					+ ", not a bot: create a bot at developer.webex.com (My Webex Apps) and paste its token",
					new FieldProblem("accessToken", "is not a bot's token"));
		}
		BotAccount bot = new BotAccount(me.id(), me.email(), me.displayName(), actor, clock.instant());
		transactions.executeWithoutResult(tx -> store(bot, token, actor));
		return bot;
	}

	private void store(BotAccount bot, String token, String actor) {
		Optional<BotAccount> before = current();
		jdbc.sql("DELETE FROM notification_bot").update();
		jdbc.sql("INSERT INTO notification_bot (id, person_id, email, display_name, token_encrypted, registered_by, registered_date) VALUES (1, ?, ?, ?, ?, ?, ?)")
			.params(bot.personId(), bot.email(), bot.displayName(), secrets.encrypt(token), actor, bot.registeredAt().atOffset(ZoneOffset.UTC))
			.update();
		events.publishEvent(new BotChanged(bot.email()));
		events.publishEvent(new AdminChange(actor, "notifications.bot.register", "bot", before.map(BotAccount::email).orElse(null), bot.email()));
	}

	@Transactional
	public void remove(String actor) {
		Optional<BotAccount> before = current();
		jdbc.sql("DELETE FROM notification_bot").update();
		events.publishEvent(new AdminChange(actor, "notifications.bot.remove", "bot", before.map(BotAccount::email).orElse(null), null));
	}

	public Optional<BotAccount> current() {
		return jdbc.sql("SELECT person_id, email, display_name, registered_by, registered_date FROM notification_bot WHERE id = 1")
			.query((rs, i) -> new BotAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** The bot's email and token for posting; never log the token. */
	public Optional<Credentials> credentials() {
		return jdbc.sql("SELECT email, token_encrypted FROM notification_bot WHERE id = 1")
			.query((rs, i) -> new Credentials(rs.getString(1), secrets.decrypt(rs.getString(2))))
			.optional();
	}

	private WebexPerson me(String token) {
		try {
			return webex.me(token);
		}
		catch (WebexApiException.Unauthorized e) {
			throw ProblemException.badRequest("Webex did not accept the token (revoked, mistyped, or not a token at all)",
					new FieldProblem("accessToken", "rejected by Webex"));
		}
	}

	/** What posting needs; {@code toString} leaves the token out. */
	public record Credentials(String email, String token) {

		@Override
		public String toString() {
			return "Credentials[" + email + "]";
		}
	}

	/** A (new) bot was registered: spaces must be joined by this bot. */
	public record BotChanged(String email) {
	}
}
