package org.switchboard.webex;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.platform.secrets.Secrets;

/** Links CRM users to Webex people; a link is made only with a token Webex accepts for that person. */
@Service
public class WebexAccounts {

	private static final String COLUMNS = "SELECT user_id, person_id, email, display_name FROM webex_account";
	private static final RowMapper<WebexAccount> ACCOUNT = (rs, i) -> new WebexAccount(rs.getString(1), rs.getString(2),
			rs.getString(3), rs.getString(4));

	private final WebexClient client;
	private final JdbcClient jdbc;
	private final Secrets secrets;
	private final Clock clock;

	WebexAccounts(WebexClient client, JdbcClient jdbc, Secrets secrets, Clock clock) {
		this.client = client;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** Checks the token with {@code GET /people/me} and links its person to the user, replacing any earlier link. */
	@Transactional
	public WebexAccount link(String userId, String token) {
		WebexPerson me = client.me(token);
		WebexAccount account = new WebexAccount(userId, me.id(), me.email(), me.displayName());
		jdbc.sql("DELETE FROM webex_account WHERE user_id = ? OR person_id = ?").params(userId, account.personId()).update();
		jdbc.sql("INSERT INTO webex_account (user_id, person_id, email, display_name, token_encrypted, linked_date) VALUES (?, ?, ?, ?, ?, ?)")
			.params(userId, account.personId(), account.email(), account.displayName(), secrets.encrypt(token),
					clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		return account;
	}

	public Optional<WebexAccount> forUser(String userId) {
		return jdbc.sql(COLUMNS + " WHERE user_id = ?").param(userId).query(ACCOUNT).optional();
	}

	public Optional<WebexAccount> forPerson(String personId) {
		return jdbc.sql(COLUMNS + " WHERE person_id = ?").param(personId).query(ACCOUNT).optional();
	}

	public List<WebexAccount> all() {
		return jdbc.sql(COLUMNS + " ORDER BY email").query(ACCOUNT).list();
	}

	/** The token to act as this user at Webex; never log it. */
	public Optional<String> tokenFor(String userId) {
		return jdbc.sql("SELECT token_encrypted FROM webex_account WHERE user_id = ?").param(userId).query(String.class)
			.optional().map(secrets::decrypt);
	}
}
