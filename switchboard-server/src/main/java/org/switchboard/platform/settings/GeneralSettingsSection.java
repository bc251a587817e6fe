package org.switchboard.platform.settings;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.springframework.stereotype.Component;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

@Component
class GeneralSettingsSection implements SettingsSection<GeneralSettings> {

	@Override
	public String name() {
		return GeneralSettings.SECTION;
	}

	@Override
	public Class<GeneralSettings> type() {
		return GeneralSettings.class;
	}

	@Override
	public GeneralSettings defaults() {
		return new GeneralSettings("US", null);
	}

	@Override
	public void validate(GeneralSettings value) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(value.defaultPhoneRegion())) {
			problems.add(new FieldProblem("defaultPhoneRegion", "'" + value.defaultPhoneRegion() + "' is not a region code such as US, GB, DK or JP"));
		}
		if (value.publicBaseUrl() != null && !isHttpUrl(value.publicBaseUrl())) {
			problems.add(new FieldProblem("publicBaseUrl", "must be an absolute http(s) URL such as https://switchboard.example.com"));
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid settings", "The general settings are invalid", problems);
		}
	}

	private static boolean isHttpUrl(String text) {
		try {
			URI uri = URI.create(text);
			return uri.isAbsolute() && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
