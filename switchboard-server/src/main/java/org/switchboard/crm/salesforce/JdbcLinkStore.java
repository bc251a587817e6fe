package org.switchboard.crm.salesforce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.secrets.Secrets;

/** Keeps the connection in {@code crm_salesforce_connection}, the client secret and refresh token encrypted. */
class JdbcLinkStore implements LinkStore {

	private final JdbcClient jdbc;
	private final Secrets secrets;
	private final TransactionTemplate transactions;
	private final Clock clock;

	JdbcLinkStore(JdbcClient jdbc, Secrets secrets, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Optional<OrgLink> load() {
		return jdbc.sql("SELECT * FROM crm_salesforce_connection WHERE id = 1")
			.query((rs, n) -> new OrgLink(rs.getString("login_url"), rs.getString("client_id"), secrets.decrypt(rs.getString("client_secret_enc")),
					secrets.decrypt(rs.getString("refresh_token_enc")), rs.getString("instance_url"), rs.getString("org_id"),
					rs.getString("user_id"), rs.getString("username")))
			.optional();
	}

	@Override
	public Optional<String> problem() {
		return jdbc.sql("SELECT problem FROM crm_salesforce_connection WHERE id = 1").query(String.class).optional();
	}

	@Override
	public void save(OrgLink link) {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("DELETE FROM crm_salesforce_connection").update();
			jdbc.sql("""
					INSERT INTO crm_salesforce_connection (id, login_url, client_id, client_secret_enc, refresh_token_enc, instance_url,
					    org_id, user_id, username, problem, updated_date) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)""")
				.params(link.loginUrl(), link.clientId(), secrets.encrypt(link.clientSecret()), secrets.encrypt(link.refreshToken()),
						link.instanceUrl(), link.orgId(), link.userId(), link.username(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
				.update();
		});
	}

	@Override
	public void markDisconnected(String reason) {
		transactions.executeWithoutResult(tx -> jdbc.sql("UPDATE crm_salesforce_connection SET problem = ?, updated_date = ? WHERE id = 1")
			.params(reason, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update());
	}

	@Override
	public void delete() {
		transactions.executeWithoutResult(tx -> jdbc.sql("DELETE FROM crm_salesforce_connection").update());
	}
}
