package org.switchboard.admin.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.access.Access;
import org.switchboard.access.SwitchboardUser;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.admin.AdminSettings;
import org.switchboard.admin.AuditEntry;

import tools.jackson.databind.JsonNode;

/** {@code /api/admin/settings}: the settings document, one section per feature. */
@RestController
@RequestMapping("/api/admin")
@WebexAdminOnly
class AdminSettingsApi {

	private final AdminSettings settings;

	AdminSettingsApi(AdminSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/settings")
	Map<String, Object> all() {
		return settings.document();
	}

	@GetMapping("/settings/{section}")
	Object section(@PathVariable String section) {
		return settings.section(section);
	}

	@PutMapping("/settings/{section}")
	ResponseEntity<Object> replace(@PathVariable String section, @RequestBody JsonNode value) {
		settings.replace(section, value, Access.currentUser().map(SwitchboardUser::getUsername).orElse("system"));
		return ResponseEntity.ok(settings.section(section));
	}

	@GetMapping("/audit")
	List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit) {
		return settings.recentAudit(limit);
	}
}
