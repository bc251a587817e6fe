package org.switchboard.admin.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.switchboard.access.Access;
import org.switchboard.access.WebexAdminOrSetup;
import org.switchboard.platform.ui.AdminSections;

/**
 * {@code GET /setup}: the console's CRM connection section on its own, for a session signed in with the setup code
 * (ADR 0031). A Webex Admin is sent to the console's section instead.
 */
@Controller
@WebexAdminOrSetup
class SetupPage {

	private final List<AdminSections> contributors;

	SetupPage(List<AdminSections> contributors) {
		this.contributors = contributors;
	}

	@GetMapping("/setup")
	String setup(Model model) {
		if (Access.currentUser().isPresent()) {
			return "redirect:/admin#crm";
		}
		contributors.stream().flatMap(c -> c.adminSections().stream()).filter(s -> "crm".equals(s.id())).findFirst()
			.ifPresent(section -> model.addAttribute("section", section));
		return "admin/setup";
	}
}
