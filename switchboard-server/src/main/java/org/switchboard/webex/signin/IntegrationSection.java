package org.switchboard.webex.signin;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.webex.WebexIntegrationSettings;

/**
 * The {@code webexIntegration} settings section: the integration's client id in the settings document, its secret
 * encrypted in {@code webex_oauth_client}. A change without a secret keeps the stored one.
 */
@Component
public class IntegrationSection implements SettingsSection<WebexIntegrationSettings> {

	private final JdbcClient jdbc;
	private final Secrets secrets;

	IntegrationSection(JdbcClient jdbc, Secrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	@Override
	public String name() {
		return WebexIntegrationSettings.SECTION;
	}

	@Override
	public Class<WebexIntegrationSettings> type() {
		return WebexIntegrationSettings.class;
	}

	@Override
	public WebexIntegrationSettings defaults() {
		return new WebexIntegrationSettings(null, null, false);
	}

	@Override
	public void validate(WebexIntegrationSettings value) {
		if (value.clientId() == null && value.clientSecret() != null) {
			throw ProblemException.badRequest("A client secret needs the integration's client id",
					new FieldProblem("clientId", "is required with a client secret"));
		}
		if (value.clientId() != null && value.clientId().length() > 255) {
			throw ProblemException.badRequest("The client id is too long", new FieldProblem("clientId", "must be at most 255 characters"));
		}
		if (value.clientSecret() != null && value.clientSecret().length() > 500) {
			throw ProblemException.badRequest("The client secret is too long", new FieldProblem("clientSecret", "must be at most 500 characters"));
		}
	}

	@Override
	public WebexIntegrationSettings beforeStore(WebexIntegrationSettings value, WebexIntegrationSettings previous) {
		if (value.clientId() == null) {
			jdbc.sql("DELETE FROM webex_oauth_client").update();
			return defaults();
		}
		if (value.clientSecret() != null) {
			jdbc.sql("DELETE FROM webex_oauth_client").update();
			jdbc.sql("INSERT INTO webex_oauth_client (id, client_secret_encrypted) VALUES (1, ?)").param(secrets.encrypt(value.clientSecret())).update();
		}
		return new WebexIntegrationSettings(value.clientId(), null, clientSecret().isPresent());
	}

	/** The stored client secret; never log it. */
	public Optional<String> clientSecret() {
		return jdbc.sql("SELECT client_secret_encrypted FROM webex_oauth_client WHERE id = 1").query(String.class).optional()
			.map(secrets::decrypt);
	}
}
