package org.switchboard.webinars;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.switchboard.access.Access;
import org.switchboard.access.ImportAdminOnly;
import org.switchboard.access.PermissionSet;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.UpstreamException;
import org.switchboard.platform.ui.HomeComponent;
import org.switchboard.platform.ui.HomeComponents;

/** The home page's webinar widget (W1), its lazily read counts, and the import page with its progress bar (W2). */
@Controller
class WebinarsWeb implements HomeComponents {

	private static final Logger log = LoggerFactory.getLogger(WebinarsWeb.class);

	private final Webinars webinars;
	private final ImportMappings mappings;
	private final ImportPermission permission;
	private final ImportJobs jobs;
	private final CrmRecords records;

	WebinarsWeb(Webinars webinars, ImportMappings mappings, ImportPermission permission, ImportJobs jobs, CrmRecords records) {
		this.webinars = webinars;
		this.mappings = mappings;
		this.permission = permission;
		this.jobs = jobs;
		this.records = records;
	}

	@Override
	public List<HomeComponent> componentsFor(String userId) {
		if (!Access.has(PermissionSet.WEBEX_USER)) {
			return List.of();
		}
		List<WebinarView> all = List.of();
		String trouble = null;
		try {
			all = webinars.list(userId, null);
		}
		catch (UpstreamException e) {
			log.debug("Webinars unavailable for the home page: {}", e.getMessage());
			trouble = "Webex did not answer; reload to try again";
		}
		WebinarSettings settings = webinars.settings();
		return List.of(new HomeComponent("Webex webinars", 30, "webinars/home :: widget",
				new Widget(all.stream().filter(w -> !w.past()).toList(), all.stream().filter(WebinarView::past).toList(), settings.pastDays(),
						settings.upcomingDays(), permission.allows(Access.currentUser().orElse(null)), trouble)));
	}

	@GetMapping("/webinars/{webinarId}/counts")
	@WebexUserOnly
	String counts(@PathVariable String webinarId, Model model) {
		model.addAttribute("counts", webinars.counts(Access.currentUserId(), webinarId));
		return "webinars/home :: counts";
	}

	@GetMapping("/webinars/{webinarId}/import")
	@ImportAdminOnly
	String importPage(@PathVariable String webinarId, Model model) {
		permission.check(Access.currentUser().orElse(null));
		model.addAttribute("webinarId", webinarId);
		model.addAttribute("objects", mappings.all().stream().map(ImportMapping::object).toList());
		model.addAttribute("campaigns", records.search("Campaign", "", 0, 200).records());
		return "webinars/import";
	}

	@GetMapping("/imports/{importId}")
	@ImportAdminOnly
	String importProgress(@PathVariable String importId, Model model) {
		permission.check(Access.currentUser().orElse(null));
		ImportJob job = jobs.find(importId).orElseThrow(() -> org.switchboard.platform.errors.ProblemException.notFound("No import " + importId));
		model.addAttribute("job", job);
		model.addAttribute("webinarId", job.webinarId());
		return "webinars/import";
	}

	/** What the widget shows. */
	record Widget(List<WebinarView> upcoming, List<WebinarView> past, int pastDays, int upcomingDays, boolean canImport, String trouble) {

		Map<String, List<WebinarView>> groups() {
			return Map.of("Upcoming", upcoming, "Past", past);
		}
	}
}
