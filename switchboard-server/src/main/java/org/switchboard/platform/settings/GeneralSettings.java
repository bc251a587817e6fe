package org.switchboard.platform.settings;

import org.switchboard.platform.names.ApiNames;

/**
 * The general section: the region used to read phone numbers typed without a country code,
 * and the server's public base URL (needed by webhooks and embedded components).
 */
public record GeneralSettings(String defaultPhoneRegion, String publicBaseUrl) {

	public static final String SECTION = "general";

	public GeneralSettings {
		defaultPhoneRegion = defaultPhoneRegion == null || defaultPhoneRegion.isBlank() ? "US" : ApiNames.asciiUpperCase(defaultPhoneRegion.trim());
		publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.trim();
	}
}
