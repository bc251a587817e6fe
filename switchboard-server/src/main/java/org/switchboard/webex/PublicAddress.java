package org.switchboard.webex;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/**
 * Where Webex (webhooks) and browsers coming back from Webex's sign-in (OAuth redirects) reach this server: the
 * general settings' public base URL, or, only with the bundled sandbox, the server's own local address.
 */
@Component
public class PublicAddress {

	private final SettingsStore settings;
	private final SettingsSection<GeneralSettings> general;
	private final Environment environment;

	PublicAddress(SettingsStore settings, SettingsSection<GeneralSettings> general, Environment environment) {
		this.settings = settings;
		this.general = general;
		this.environment = environment;
	}

	/** The public base URL without a trailing slash, if one is set or the sandbox's local fallback applies. */
	public Optional<String> baseUrl() {
		return Optional.ofNullable(settings.read(general).publicBaseUrl()).or(this::localFallback).map(url -> url.replaceAll("/+$", ""));
	}

	/** Whether the admin set one (rather than the sandbox's local fallback). */
	public boolean isSet() {
		return settings.read(general).publicBaseUrl() != null;
	}

	private Optional<String> localFallback() {
		if (!environment.getProperty("switchboard.webex.sandbox.enabled", Boolean.class, true)) {
			return Optional.empty();
		}
		return Optional.ofNullable(environment.getProperty("local.server.port")).map(port -> "http://localhost:" + port);
	}
}
