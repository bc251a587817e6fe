package org.switchboard.webex.signin;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.switchboard.platform.lifecycle.Uninstallable;
import org.switchboard.platform.settings.SettingsStore;
import org.switchboard.webex.WebexIntegrationSettings;

/**
 * Uninstall of the Webex sign-in: the integration's client id and encrypted secret, and the notes of who was signed out
 * of Webex and why. Runs after every user's token has been used to clean up at Webex (the secret refreshes those tokens).
 */
@Component
@Order(90)
class SignInLeftovers implements Uninstallable {

	private final IntegrationSection section;
	private final SettingsStore settings;
	private final JdbcClient jdbc;

	SignInLeftovers(IntegrationSection section, SettingsStore settings, JdbcClient jdbc) {
		this.section = section;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Override
	public List<Leftover> leftovers() {
		List<Leftover> leftovers = new ArrayList<>();
		WebexIntegrationSettings integration = settings.read(section);
		if (integration.clientId() != null || section.clientSecret().isPresent()) {
			leftovers.add(new Leftover("token", "webexIntegration",
					"client id and secret of the Webex integration " + (integration.clientId() == null ? "" : integration.clientId())));
		}
		jdbc.sql("SELECT user_id, email FROM webex_signed_out ORDER BY email").query((rs, i) -> new Leftover("token", rs.getString(1),
				"note that " + (rs.getString(2) == null ? rs.getString(1) : rs.getString(2)) + " was signed out of Webex"))
			.list().forEach(leftovers::add);
		return leftovers;
	}

	@Override
	public List<Removal> remove() {
		List<Leftover> leftovers = leftovers();
		if (!leftovers.isEmpty()) {
			settings.replace(section, new WebexIntegrationSettings(null, null, false), "uninstall");
			jdbc.sql("DELETE FROM webex_signed_out").update();
		}
		return leftovers.stream().map(Removal::removed).toList();
	}
}
