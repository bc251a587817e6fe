package org.switchboard.admin.api;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.access.Access;
import org.switchboard.access.SwitchboardUser;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.admin.Uninstall;

/** {@code /api/admin/uninstall}: what still ties Switchboard to Webex and the CRM, and removing it. */
@RestController
@RequestMapping("/api/admin/uninstall")
@WebexAdminOnly
class UninstallApi {

	private final Uninstall uninstall;

	UninstallApi(Uninstall uninstall) {
		this.uninstall = uninstall;
	}

	@GetMapping
	Map<String, Object> inventory() {
		return uninstall.inventory();
	}

	@PostMapping
	Map<String, Object> run() {
		return uninstall.run(Access.currentUser().map(SwitchboardUser::getUsername).orElse("system"));
	}
}
