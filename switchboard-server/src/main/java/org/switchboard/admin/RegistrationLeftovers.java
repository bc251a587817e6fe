package org.switchboard.admin;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.platform.lifecycle.Uninstallable;

/** The registration's stored token goes last, after every module has used its own tokens to clean up at Webex. */
@Component
@Order(100)
class RegistrationLeftovers implements Uninstallable {

	private final Integration integration;

	RegistrationLeftovers(Integration integration) {
		this.integration = integration;
	}

	@Override
	public List<Leftover> leftovers() {
		return integration.registration()
			.map(r -> List.of(new Leftover("token", String.valueOf(r.get("personId")), "registration token of " + r.get("email"))))
			.orElse(List.of());
	}

	@Override
	public List<Removal> remove() {
		List<Leftover> leftovers = leftovers();
		if (!leftovers.isEmpty()) {
			integration.unregister("uninstall");
		}
		return leftovers.stream().map(Removal::removed).toList();
	}
}
