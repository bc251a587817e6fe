package org.switchboard.admin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.switchboard.access.Access;
import org.switchboard.access.SwitchboardUser;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.admin.AdminSettings;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

import tools.jackson.databind.json.JsonMapper;

/** The Webex Admin console: one page, a section per feature. */
@Controller
@WebexAdminOnly
class AdminConsole {

	private final AdminSettings settings;
	private final JsonMapper json;
	private final List<AdminSections> contributors;

	AdminConsole(AdminSettings settings, JsonMapper json, List<AdminSections> contributors) {
		this.settings = settings;
		this.json = json;
		this.contributors = contributors;
	}

	/** Feature sections by anchor; the console shows a placeholder for features not built yet. */
	@ModelAttribute("sections")
	Map<String, AdminSection> sections() {
		Map<String, AdminSection> sections = new LinkedHashMap<>();
		contributors.forEach(c -> c.adminSections().forEach(s -> sections.put(s.id(), s)));
		return sections;
	}

	@GetMapping("/admin")
	String console(Model model) {
		if (!model.containsAttribute("general")) {
			model.addAttribute("general", json.convertValue(settings.section("general"), Map.class));
		}
		model.addAttribute("errors", model.getAttribute("errors") == null ? Map.of() : model.getAttribute("errors"));
		model.addAttribute("audit", settings.recentAudit(50));
		return "admin/console";
	}

	@PostMapping("/admin/general")
	String saveGeneral(@RequestParam String defaultPhoneRegion, @RequestParam(required = false) String publicBaseUrl,
			RedirectAttributes redirect) {
		Map<String, Object> general = new LinkedHashMap<>();
		general.put("defaultPhoneRegion", defaultPhoneRegion);
		general.put("publicBaseUrl", publicBaseUrl);
		try {
			settings.replace("general", json.valueToTree(general), Access.currentUser().map(SwitchboardUser::getUsername).orElse("?"));
			redirect.addFlashAttribute("flash", "General settings saved.");
			return "redirect:/admin";
		}
		catch (ProblemException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(p -> errors.put(p.field(), p.message()));
			// Post/redirect/get: the console shows the input and its errors, and a reload never re-posts (or 405s).
			redirect.addFlashAttribute("general", general);
			redirect.addFlashAttribute("errors", errors);
			return "redirect:/admin";
		}
	}

	/** The form's address opened directly (a bookmark, a reload after an old error page) shows the console. */
	@GetMapping("/admin/general")
	String general() {
		return "redirect:/admin";
	}
}
