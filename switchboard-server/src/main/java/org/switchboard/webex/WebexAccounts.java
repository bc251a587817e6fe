package org.switchboard.webex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.webex.signin.OAuthClient;
import org.switchboard.webex.signin.Tokens;


/**
 * Links CRM users to Webex people, with the tokens Switchboard acts with for them (encrypted). Tokens from the
 * Webex sign-in are refreshed shortly before they expire and once when Webex rejects one with 401; concurrent
 * requests of one user share one refresh. When Webex refuses the refresh, the user is signed out of Webex and
 * the home page says so.
 */
@Service
public class WebexAccounts {

	private static final Logger log = LoggerFactory.getLogger(WebexAccounts.class);
	/** Refresh this long before the access token expires, so a request never starts with a token about to lapse. */
	private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);
	private static final String COLUMNS = "SELECT user_id, person_id, email, display_name FROM webex_account";
	private static final RowMapper<WebexAccount> ACCOUNT = (rs, i) -> new WebexAccount(rs.getString(1), rs.getString(2),
			rs.getString(3), rs.getString(4));

	private final WebexClient client;
	private final OAuthClient oauth;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Secrets secrets;
	private final Clock clock;
	private final ConcurrentHashMap<String, ReentrantLock> refreshes = new ConcurrentHashMap<>();

	WebexAccounts(WebexClient client, OAuthClient oauth, JdbcClient jdbc, TransactionTemplate transactions, Secrets secrets, Clock clock) {
		this.client = client;
		this.oauth = oauth;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.secrets = secrets;
		this.clock = clock;
		client.renewTokensWith(this::renew);
	}

	/** Checks a pasted token with {@code GET /people/me} and links its person to the user (no refresh: it lasts as Webex lets it). */
	public WebexAccount link(String userId, String token) {
		WebexPerson me = client.me(token);
		return store(userId, me, new Tokens(token, 0, null, 0, List.of()));
	}

	/** Stores a completed sign-in: the person {@code me} describes, with the tokens that act as them (replacing any earlier link of either). */
	public WebexAccount store(String userId, WebexPerson me, Tokens tokens) {
		WebexAccount account = new WebexAccount(userId, me.id(), me.email(), me.displayName());
		Instant now = clock.instant();
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("DELETE FROM webex_account WHERE user_id = ? OR person_id = ?").params(userId, account.personId()).update();
			jdbc.sql("DELETE FROM webex_signed_out WHERE user_id = ?").param(userId).update();
			jdbc.sql("""
					INSERT INTO webex_account (user_id, person_id, email, display_name, token_encrypted, linked_date, access_token_sha256,
					    refresh_token_encrypted, expires_date, refresh_expires_date, scopes, org_id, avatar, org_admin)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(userId, account.personId(), account.email(), account.displayName(), secrets.encrypt(tokens.accessToken()), utc(now),
						sha256(tokens.accessToken()), secrets.encrypt(tokens.refreshToken()), expiry(now, tokens.expiresIn()),
						expiry(now, tokens.refreshTokenExpiresIn()), String.join(" ", tokens.scopes()), me.orgId(),
						me.avatar(), isOrgAdmin(me))
				.update();
		});
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

	/**
	 * The token to act as this user at Webex, refreshed first when it is about to expire; empty when the user is not
	 * signed in to Webex (or was just signed out because Webex refused the refresh). Never log it.
	 */
	public Optional<String> tokenFor(String userId) {
		Optional<Stored> stored = stored(userId);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		Stored current = stored.get();
		if (current.expires() != null && current.refreshToken() != null && !current.expires().isAfter(clock.instant().plus(REFRESH_AHEAD))) {
			return refreshed(userId, current.tokenHash(), current.expires().isAfter(clock.instant()));
		}
		return Optional.of(current.token());
	}

	/** Whether Webex still accepts this user's sign-in ({@code GET /people/me}, refreshing as needed); a refusal signs them out. */
	public boolean verify(String userId) {
		Optional<String> token = tokenFor(userId);
		if (token.isEmpty()) {
			return false;
		}
		try {
			client.me(token.get());
			return true;
		}
		catch (WebexApiException.Unauthorized e) {
			if (forUser(userId).isPresent()) {
				signOut(userId, "Webex no longer accepts your sign-in");
			}
			return false;
		}
	}

	/** For a 401: a new token for the rejected one's owner, sharing a refresh already under way. */
	Optional<String> renew(String rejectedToken) {
		String hash = sha256(rejectedToken);
		return jdbc.sql("SELECT user_id FROM webex_account WHERE access_token_sha256 = ? OR previous_access_token_sha256 = ?").params(hash, hash)
			.query(String.class).optional()
			.flatMap(userId -> refreshed(userId, hash, false));
	}

	/** Forgets the user's tokens and remembers why, for the home page. */
	public void signOut(String userId, String reason) {
		transactions.executeWithoutResult(tx -> {
			String email = jdbc.sql("SELECT email FROM webex_account WHERE user_id = ?").param(userId).query(String.class).optional().orElse(null);
			jdbc.sql("DELETE FROM webex_account WHERE user_id = ?").param(userId).update();
			jdbc.sql("DELETE FROM webex_signed_out WHERE user_id = ?").param(userId).update();
			jdbc.sql("INSERT INTO webex_signed_out (user_id, email, reason, signed_out_date) VALUES (?, ?, ?, ?)")
				.params(userId, email, reason, utc(clock.instant())).update();
		});
		log.info("User {} is signed out of Webex: {}", userId, reason);
	}

	/** The user's Webex sign-in as the home page shows it. */
	public WebexConnection connection(String userId) {
		return jdbc.sql("""
				SELECT person_id, email, display_name, org_id, org_admin, scopes, expires_date, avatar FROM webex_account WHERE user_id = ?""")
			.param(userId)
			.query((rs, i) -> new WebexConnection(true, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
					rs.getString(6) == null || rs.getString(6).isBlank() ? List.of() : Arrays.asList(rs.getString(6).split(" ")),
					instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), null, null))
			.optional()
			.or(() -> jdbc.sql("SELECT email, reason, signed_out_date FROM webex_signed_out WHERE user_id = ?").param(userId)
				.query((rs, i) -> WebexConnection.signedOut(rs.getString(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class))))
				.optional())
			.orElseGet(WebexConnection::none);
	}

	private Optional<String> refreshed(String userId, String staleHash, boolean staleStillValid) {
		ReentrantLock lock = refreshes.computeIfAbsent(userId, id -> new ReentrantLock());
		lock.lock();
		try {
			Optional<Stored> now = stored(userId);
			if (now.isEmpty()) {
				return Optional.empty();
			}
			if (!now.get().tokenHash().equals(staleHash)) {
				return Optional.of(now.get().token());
			}
			if (now.get().refreshToken() == null) {
				signOut(userId, "Webex no longer accepts your sign-in");
				return Optional.empty();
			}
			return refresh(userId, now.get(), staleStillValid);
		}
		finally {
			lock.unlock();
		}
	}

	private Optional<String> refresh(String userId, Stored stale, boolean staleStillValid) {
		Tokens tokens;
		try {
			tokens = oauth.refresh(stale.refreshToken());
		}
		catch (WebexApiException e) {
			if (e.status() == 400) {
				signOut(userId, "Your Webex sign-in expired or was revoked");
				return Optional.empty();
			}
			// A refused client id or secret (401) is the integration's fault, not the user's: their refresh token is
			// kept, so renewing works again as soon as an admin corrects the integration.
			log.warn("Could not renew the Webex sign-in of user {}: {}", userId, e.getMessage());
			return staleStillValid ? Optional.of(stale.token()) : Optional.empty();
		}
		Instant now = clock.instant();
		String refreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : stale.refreshToken();
		jdbc.sql("""
				UPDATE webex_account SET token_encrypted = ?, access_token_sha256 = ?, previous_access_token_sha256 = ?, refresh_token_encrypted = ?,
				    expires_date = ?, refresh_expires_date = COALESCE(?, refresh_expires_date) WHERE user_id = ?""")
			.params(secrets.encrypt(tokens.accessToken()), sha256(tokens.accessToken()), stale.tokenHash(), secrets.encrypt(refreshToken),
					expiry(now, tokens.expiresIn()), expiry(now, tokens.refreshTokenExpiresIn()), userId)
			.update();
		return Optional.of(tokens.accessToken());
	}

	private Optional<Stored> stored(String userId) {
		return jdbc.sql("SELECT token_encrypted, access_token_sha256, refresh_token_encrypted, expires_date FROM webex_account WHERE user_id = ?")
			.param(userId)
			.query((rs, i) -> {
				String token = secrets.decrypt(rs.getString(1));
				return new Stored(token, rs.getString(2) != null ? rs.getString(2) : sha256(token), secrets.decrypt(rs.getString(3)),
						instant(rs.getObject(4, OffsetDateTime.class)));
			})
			.optional();
	}

	private static boolean isOrgAdmin(WebexPerson me) {
		for (String role : me.roles()) {
			String decoded = decodeId(role);
			if (decoded.endsWith("/id_full_admin")) {
				return true;
			}
		}
		return false;
	}

	private static String decodeId(String id) {
		try {
			return new String(java.util.Base64.getDecoder().decode(id.replace('-', '+').replace('_', '/')), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return id;
		}
	}

	private static OffsetDateTime expiry(Instant now, long seconds) {
		return seconds <= 0 ? null : utc(now.plusSeconds(seconds));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A user's stored tokens (decrypted); {@link #toString()} never shows them. */
	private record Stored(String token, String tokenHash, String refreshToken, Instant expires) {

		@Override
		public String toString() {
			return "Stored[expires=" + expires + "]";
		}
	}
}
